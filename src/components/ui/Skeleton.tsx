/** A placeholder bar while something loads; decorative (announce loading elsewhere, once). */
export function Skeleton({ width = '100%', height }: { width?: string | number; height?: number }) {
  return <span className="skeleton" style={{ display: 'block', width, height }} aria-hidden />;
}

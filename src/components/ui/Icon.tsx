/** An inline Material Design Icon (from @mdi/js path data). Decorative unless given a label. */
export function Icon({
  path,
  label,
  className,
  size = 18,
}: {
  path: string;
  label?: string;
  className?: string;
  size?: number;
}) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={path} fill="currentColor" />
    </svg>
  );
}

import './progress.css';

/**
 * A determinate progress bar with an accessible name and a spoken value ("4 / 14 Tables").
 * The visible text, when there is one, is the caller's to render beside it.
 */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  tone = 'accent',
}: {
  value: number;
  max: number;
  /** Accessible name, e.g. "Progress of Run #12". */
  label: string;
  valueText?: string;
  tone?: 'accent' | 'success' | 'danger' | 'neutral';
}) {
  const safeMax = Math.max(0, max);
  const clamped = Math.min(Math.max(0, value), safeMax);
  const percent = safeMax === 0 ? 0 : (clamped / safeMax) * 100;
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

import { Tooltip } from '../../components/ui/Tooltip';
import { formatAbsolute, formatRelative } from '../../lib/time';

/**
 * A moment as relative text ("3 minutes ago") with the absolute time and zone on hover, and for
 * screen readers in the text itself.
 */
export function RunTime({ at, now }: { at: number; now: number }) {
  const absolute = formatAbsolute(at);
  return (
    <Tooltip content={absolute}>
      <time dateTime={new Date(at).toISOString()} className="run-time">
        {formatRelative(at, now)}
        <span className="visually-hidden">, {absolute}</span>
      </time>
    </Tooltip>
  );
}

import { mdiRefresh } from '@mdi/js';
import { Icon } from '../../components/ui/Icon';
import { useWallClock } from '../../lib/now';
import { formatAge, formatClock } from '../../lib/time';

/**
 * Honest freshness (SPEC §5): how old the data on screen is, that it is being refreshed, or that
 * it could not be and is kept (stale, with its age) while the dashboard tries again; and a manual
 * refresh. Ages are wall-clock (when the answer arrived), not the simulator's clock.
 */
export function Freshness({
  updatedAt,
  fetching,
  stale,
  onRefresh,
}: {
  /** Wall-clock ms of the last successful answer; 0 when there is none yet. */
  updatedAt: number;
  fetching: boolean;
  /** The last attempt failed: what is shown is the answer from `updatedAt`. */
  stale: boolean;
  onRefresh: () => void;
}) {
  const wallNow = useWallClock(); // re-renders every second (the page's one shared timer)
  const age = updatedAt > 0 ? formatAge(wallNow - updatedAt) : null;
  let text = '';
  if (stale && age !== null) text = `Stale: from ${formatClock(updatedAt)} (${age} ago)`;
  else if (fetching) text = 'Refreshing…';
  else if (age !== null) text = `Updated ${age} ago`;
  return (
    <div className={stale ? 'freshness freshness--stale' : 'freshness'}>
      <span
        className="freshness__text muted"
        title={updatedAt > 0 ? `Last answer at ${formatClock(updatedAt)}` : undefined}
      >
        {text}
      </span>
      <button type="button" className="button button--small" onClick={onRefresh}>
        <Icon path={mdiRefresh} size={16} className={fetching ? 'spin' : undefined} />
        Refresh
      </button>
    </div>
  );
}

import { mdiRefresh } from '@mdi/js';
import { Icon } from '../../components/ui/Icon';
import { useWallClock } from '../../lib/now';
import { formatAge, formatClock } from '../../lib/time';

/**
 * Honest freshness (SPEC §5): how old the data on screen is, or that it is being refreshed, and a
 * manual refresh. Ages are wall-clock (when the answer arrived), not the simulator's clock.
 */
export function Freshness({
  updatedAt,
  fetching,
  onRefresh,
}: {
  /** Wall-clock ms of the last successful answer; 0 when there is none yet. */
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}) {
  const wallNow = useWallClock(); // re-renders every second (the page's one shared timer)
  const text = fetching
    ? 'Refreshing…'
    : updatedAt > 0
      ? `Updated ${formatAge(wallNow - updatedAt)} ago`
      : '';
  return (
    <div className="freshness">
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

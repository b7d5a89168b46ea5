/**
 * "Notify me when any Failure appears" for the Activity page's current filters (type, datastore,
 * has logs, ID, dates; its status filter aside, since a Failure is what is watched for): a toggle
 * button, pressed while those filters are watched, and a line saying what the person will get.
 */
import { mdiBellAlertOutline, mdiBellRing } from '@mdi/js';
import { useQuery } from '@tanstack/react-query';
import type { ListRunsQuery } from '../../api/contract';
import { Icon } from '../../components/ui/Icon';
import { datastoresQuery } from '../../queries/platform';
import { useWatchNote } from './use-watch-note';
import { filtersKey, unwatchFailures, useFailuresWatched, watchFailures } from './watch-store';
import { describeFilters, watchedFiltersOf } from './watch-words';
import './watch.css';

export function FailureWatchToggle({ query }: { query: ListRunsQuery }) {
  const filters = watchedFiltersOf(query);
  const key = filtersKey(filters);
  const watching = useFailuresWatched(key);
  const datastores = useQuery(datastoresQuery());
  const { note, began, say } = useWatchNote();
  const scope = describeFilters(filters, (id) => datastores.data?.find((d) => d.id === id)?.name);
  const toggle = () => {
    if (watching) {
      unwatchFailures(key);
      say(`No longer watching for a Failure among ${scope}.`);
    } else {
      watchFailures(filters, scope);
      began(`when a Failure appears among ${scope}`);
    }
  };
  return (
    <div className="watch-toggle watch-toggle--filter">
      <button
        type="button"
        className={watching ? 'button watch-toggle__button is-on' : 'button watch-toggle__button'}
        aria-pressed={watching}
        onClick={toggle}
      >
        <Icon path={watching ? mdiBellRing : mdiBellAlertOutline} />
        Notify me when any Failure appears
      </button>
      <span role="status" className="watch-toggle__note">
        {note}
      </span>
    </div>
  );
}

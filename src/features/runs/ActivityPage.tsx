/**
 * The Activity page (`/`, SPEC §4): the daily heatmap, Running and Queued over the last 24 hours
 * (the concurrency chart, loaded on demand), the filters, the Runs table with expandable
 * rows and selection, paging, live refresh, and the loading, empty and error states. Everything the
 * view shows is in `search` (the URL); changes go out through `onSearchChange`.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef } from 'react';
import type { RunPage } from '../../api/client';
import type { ListRunsQuery } from '../../api/contract';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { Skeleton } from '../../components/ui/Skeleton';
import { canAct } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import { prefetchWhenIdle } from '../../lib/idle';
import { useShortcuts } from '../../lib/shortcuts';
import { retryNow, useRetrying } from '../../queries/connection';
import { anyActive, liveRefetch } from '../../queries/live';
import { datastoresQuery, meQuery } from '../../queries/platform';
import { runKeys, runListQuery } from '../../queries/runs';
import type { ActivitySearch } from './activity-search';
import { hasFilters, toListRunsQuery, withoutFilters } from './activity-search';
import { ActivityHeatmap } from './ActivityHeatmap';
import { LazyConcurrencyChart } from './concurrency-chunk';
import { ConcurrencyLoading } from './ConcurrencyBox';
import type { Density } from './density';
import { setDensity, useDensity } from './density';
import { Freshness } from './Freshness';
import { LazyRunDetails } from './run-details-chunk';
import { RunFilters } from './RunFilters';
import { RunsView } from './RunsView';
import { searchNotices } from './search-notices';
import { useRunSelection } from './use-run-selection';
import { SavedViews } from './views/SavedViews';
import './runs.css';
import './runs-table.css';

export type SearchUpdate = (prev: ActivitySearch) => ActivitySearch;

/**
 * What the page hands a bulk action bar (another feature, composed by the route): the Runs the
 * person selected, or every Run matching the filters.
 */
export interface RunSelection {
  /** The selected Runs on this page (all of them when `allMatching`). */
  readonly runs: readonly Run[];
  /** The person chose every Run matching the filters, beyond this page: `total` of them. */
  readonly allMatching: boolean;
  /** The list query of the view (filters, sort, and this page); page through it for all matching. */
  readonly query: ListRunsQuery;
  /** How many Runs match the filters. */
  readonly total: number;
  readonly clear: () => void;
}

export interface ActivityPageProps {
  readonly search: ActivitySearch;
  /** The address's values as given, before validation: to say what was ignored. */
  readonly rawSearch?: Record<string, unknown>;
  /** `replace` for changes that should not add a history entry (opening a row). */
  readonly onSearchChange: (update: SearchUpdate, options?: { replace?: boolean }) => void;
  /** Code the next step is likely to need (actions, logs), fetched once the first rows show. */
  readonly prefetch?: readonly { preload: () => Promise<void> }[];
  /**
   * The bulk action bar, docked below the table from the first selection on (it stays mounted
   * after the selection clears, so it can keep per-Run outcomes on screen; render nothing then if
   * that suits).
   */
  readonly renderBulkBar?: (selection: RunSelection) => ReactNode;
  /** Beside the title, for the view's filters: "Notify me when any Failure appears". */
  readonly renderWatch?: (query: ListRunsQuery) => ReactNode;
}

export function ActivityPage({
  search,
  rawSearch = {},
  onSearchChange,
  prefetch = [],
  renderBulkBar,
  renderWatch,
}: ActivityPageProps) {
  const queryClient = useQueryClient();
  const query = useMemo(() => toListRunsQuery(search), [search]);
  const list = useQuery({
    ...runListQuery(query),
    refetchInterval: liveRefetch((page: RunPage) => anyActive(page.items)),
  });
  const datastores = useQuery(datastoresQuery());
  const me = useQuery(meQuery());
  const density = useDensity();
  const data = list.data;
  const runs = data?.items ?? [];
  const selection = useRunSelection(JSON.stringify(query), runs);
  // The first view needs only the table: a Run's details and the rest come once it has shown.
  const shown = data !== undefined;
  const prefetched = useRef(prefetch);
  useEffect(
    () => (shown ? prefetchWhenIdle([LazyRunDetails, ...prefetched.current]) : undefined),
    [shown],
  );
  // Checkboxes only for a person who can act on some Run here.
  const user = me.data;
  const selectable = user !== undefined && runs.some((run) => canAct(user, run.datastore.id));

  const retrying = useRetrying(list);
  // A failure that will not pass is the query's error; one it is retrying is its failure reason.
  const failure = list.error ?? list.failureReason;
  // A click while a refresh is under way does not start another; while the API is unreachable it
  // sends the next attempt now.
  const refresh = () => {
    retryNow();
    void queryClient.invalidateQueries({ queryKey: runKeys.all }, { cancelRefetch: false });
  };
  const navigate = (update: SearchUpdate) => onSearchChange(update);
  const notices = searchNotices(rawSearch, search);
  const day = search.from !== undefined && search.from === search.to ? search.from : undefined;
  useShortcuts({
    r: (event) => {
      event.preventDefault();
      refresh();
    },
    '/': (event) => {
      const field = document.querySelector<HTMLInputElement>('#run-id-search');
      if (!field) return;
      event.preventDefault();
      field.focus();
    },
  });

  let content: ReactNode;
  if (data === undefined) {
    content = failure ? (
      <ErrorState
        error={failure}
        title="The Runs could not be loaded"
        retrying={retrying}
        onRetry={refresh}
      />
    ) : (
      <TableSkeleton />
    );
  } else if (data.total === 0) {
    content = hasFilters(search) ? (
      <EmptyState title="No runs match these filters">
        <button type="button" className="button" onClick={() => navigate(withoutFilters)}>
          Clear filters
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No runs yet">
        <p className="muted">Runs appear here as soon as an operation starts.</p>
      </EmptyState>
    );
  } else if (runs.length === 0 && data.rejected.length === 0) {
    const lastPage = Math.max(1, data.pages);
    content = (
      <EmptyState title={`Page ${search.page} is past the last page (${lastPage})`}>
        <button
          type="button"
          className="button"
          onClick={() => navigate((s) => ({ ...s, page: lastPage }))}
        >
          Go to page {lastPage}
        </button>
      </EmptyState>
    );
  } else {
    content = (
      <RunsView
        data={data}
        search={search}
        query={query}
        onSearchChange={onSearchChange}
        selection={selection}
        selectable={selectable}
        failure={failure}
        retrying={retrying}
        updatedAt={list.dataUpdatedAt}
        busy={list.isPlaceholderData}
        onRetry={refresh}
        renderBulkBar={renderBulkBar}
      />
    );
  }

  return (
    <section aria-labelledby="activity-title" className={`activity activity--${density}`}>
      <div className="activity__head">
        <h1 id="activity-title" className="page-title">
          Activity
        </h1>
        <SavedViews search={search} density={density} onApply={(view) => navigate(() => view)} />
        {renderWatch?.(query)}
        <DensityChoice density={density} />
        <Freshness
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching}
          stale={failure !== null && data !== undefined}
          onRefresh={refresh}
        />
      </div>
      {notices.length > 0 ? (
        <ul className="activity__notices" aria-label="What the address asked for that was ignored">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
      <div className="activity__controls">
        <ActivityHeatmap
          selectedDay={day}
          onSelectDay={(date) => navigate((s) => ({ ...s, from: date, to: date, page: 1 }))}
        />
        {/* Its code and data come after the first rows (or the list's failure), not before. */}
        {shown || failure ? <LazyConcurrencyChart /> : <ConcurrencyLoading />}
        <RunFilters
          search={search}
          onSearchChange={navigate}
          datastores={{ list: datastores.data ?? null, failed: datastores.isError }}
        />
      </div>
      {content}
    </section>
  );
}

function DensityChoice({ density }: { density: Density }) {
  return (
    <label className="density-choice">
      <span className="visually-hidden">Density</span>
      <select
        value={density}
        onChange={(event) =>
          setDensity(event.target.value === 'comfortable' ? 'comfortable' : 'compact')
        }
      >
        <option value="compact">Compact rows</option>
        <option value="comfortable">Comfortable rows</option>
      </select>
    </label>
  );
}

function TableSkeleton() {
  return (
    <div className="table-skeleton" role="status">
      <span className="visually-hidden">Loading runs…</span>
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="table-skeleton__row">
          <Skeleton width="6%" />
          <Skeleton width="12%" />
          <Skeleton width="14%" />
          <Skeleton width="10%" />
          <Skeleton width="16%" />
          <Skeleton width="20%" />
        </div>
      ))}
    </div>
  );
}

/**
 * The Activity page (`/`, SPEC §4): the daily heatmap, the filters, the Runs table with expandable
 * rows and selection, paging, live refresh, and the loading, empty and error states. Everything the
 * view shows is in `search` (the URL); changes go out through `onSearchChange`.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RunPage } from '../../api/client';
import type { ListRunsQuery } from '../../api/contract';
import type { Run } from '../../domain/run';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorState } from '../../components/ui/ErrorState';
import { Skeleton } from '../../components/ui/Skeleton';
import { formatClock, formatCount } from '../../lib/time';
import { retryNow, useRetrying } from '../../queries/connection';
import { anyActive, liveRefetch } from '../../queries/live';
import { datastoresQuery } from '../../queries/platform';
import { runKeys, runListQuery } from '../../queries/runs';
import type { ActivitySearch } from './activity-search';
import { hasFilters, toListRunsQuery, withoutFilters } from './activity-search';
import { ActivityHeatmap } from './ActivityHeatmap';
import { Freshness } from './Freshness';
import { Pagination } from './Pagination';
import { RunFilters } from './RunFilters';
import { RunsTable } from './RunsTable';
import './runs.css';

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
  /** `replace` for changes that should not add a history entry (opening a row). */
  readonly onSearchChange: (update: SearchUpdate, options?: { replace?: boolean }) => void;
  /**
   * The bulk action bar, rendered above the table whenever there are Runs (also with nothing
   * selected, so it can keep per-Run outcomes on screen; render nothing then if that suits).
   */
  readonly renderBulkBar?: (selection: RunSelection) => ReactNode;
}

interface SelectionState {
  /** The list query the selection belongs to: another filter, sort or page starts afresh. */
  readonly key: string;
  readonly ids: ReadonlySet<number>;
  readonly allMatching: boolean;
}

const NO_SELECTION: ReadonlySet<number> = new Set();

export function ActivityPage({ search, onSearchChange, renderBulkBar }: ActivityPageProps) {
  const queryClient = useQueryClient();
  const query = useMemo(() => toListRunsQuery(search), [search]);
  const queryKey = JSON.stringify(query);
  const list = useQuery({
    ...runListQuery(query),
    refetchInterval: liveRefetch((page: RunPage) => anyActive(page.items)),
  });
  const datastores = useQuery(datastoresQuery());
  const [selection, setSelection] = useState<SelectionState>({
    key: queryKey,
    ids: NO_SELECTION,
    allMatching: false,
  });

  const data = list.data;
  const runs = data?.items ?? [];
  const current = selection.key === queryKey ? selection : null;
  const selectedIds = new Set(runs.filter((r) => current?.ids.has(r.id)).map((r) => r.id));
  const allMatching =
    (current?.allMatching ?? false) && selectedIds.size === runs.length && runs.length > 0;
  const selectedRuns = runs.filter((r) => selectedIds.has(r.id));
  const setSelected = (ids: ReadonlySet<number>) =>
    setSelection({ key: queryKey, ids, allMatching: false });
  const clearSelection = () =>
    setSelection({ key: queryKey, ids: NO_SELECTION, allMatching: false });

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
  const filtered = hasFilters(search);
  const day = search.from !== undefined && search.from === search.to ? search.from : undefined;

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
    content = filtered ? (
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
  } else if (runs.length === 0) {
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
      <>
        {failure ? (
          <ErrorState
            compact
            error={failure}
            title={`The Runs could not be refreshed; showing the answer from ${formatClock(list.dataUpdatedAt)}`}
            retrying={retrying}
            onRetry={refresh}
          />
        ) : null}
        {selectedIds.size > 0 && selectedIds.size === runs.length && data.total > runs.length ? (
          <div className="selection-bar" role="region" aria-label="Selection">
            {allMatching ? (
              <p>All {formatCount(data.total)} runs matching these filters are selected.</p>
            ) : (
              <p>
                All {runs.length} runs on this page are selected.{' '}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() =>
                    setSelection({ key: queryKey, ids: selectedIds, allMatching: true })
                  }
                >
                  Select all {formatCount(data.total)} runs matching these filters
                </button>
              </p>
            )}
          </div>
        ) : null}
        {/* Always rendered, so a bulk bar can keep showing outcomes after the selection clears. */}
        {renderBulkBar?.({
          runs: selectedRuns,
          allMatching,
          query,
          total: data.total,
          clear: clearSelection,
        })}
        <RunsTable
          runs={runs}
          sort={search.sort}
          order={search.order}
          onSortChange={(sort, order) => navigate((s) => ({ ...s, sort, order, page: 1 }))}
          expanded={search.expanded}
          onExpandedChange={(expanded) =>
            onSearchChange((s) => ({ ...s, expanded }), { replace: true })
          }
          selected={selectedIds}
          onSelectedChange={setSelected}
          busy={list.isPlaceholderData}
        />
        <Pagination
          page={search.page}
          size={search.size}
          total={data.total}
          shown={runs.length}
          onPage={(page) => navigate((s) => ({ ...s, page }))}
          onSize={(size) => navigate((s) => ({ ...s, size, page: 1 }))}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="activity-title" className="activity">
      <div className="activity__head">
        <h1 id="activity-title" className="page-title">
          Activity
        </h1>
        <Freshness
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching}
          stale={failure !== null && data !== undefined}
          onRefresh={refresh}
        />
      </div>
      <ActivityHeatmap
        selectedDay={day}
        onSelectDay={(date) => navigate((s) => ({ ...s, from: date, to: date, page: 1 }))}
      />
      <RunFilters
        search={search}
        onSearchChange={navigate}
        datastores={{ list: datastores.data ?? null, failed: datastores.isError }}
      />
      {content}
    </section>
  );
}

function TableSkeleton() {
  return (
    <div className="table-skeleton" role="status">
      <span className="visually-hidden">Loading runs…</span>
      {Array.from({ length: 8 }, (_, i) => (
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

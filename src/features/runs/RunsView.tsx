/**
 * The Activity page once the list has answered: a note when a refresh failed (what is shown is
 * stale) or when some items could not be shown, the selection of every Run matching the filters,
 * the bulk bar, the table and paging.
 */
import type { ReactNode } from 'react';
import type { RunPage } from '../../api/client';
import type { ListRunsQuery } from '../../api/contract';
import { ErrorState } from '../../components/ui/ErrorState';
import type { Run } from '../../domain/run';
import { countOf } from '../../lib/plural';
import { formatClock, formatCount } from '../../lib/time';
import type { ActivitySearch } from './activity-search';
import type { RunSelection } from './ActivityPage';
import { Pagination } from './Pagination';
import { RunsTable } from './RunsTable';
import type { useRunSelection } from './use-run-selection';

type Update = (
  update: (prev: ActivitySearch) => ActivitySearch,
  options?: { replace?: boolean },
) => void;

export function RunsView({
  data,
  search,
  query,
  onSearchChange,
  selection,
  selectable,
  failure,
  retrying,
  updatedAt,
  busy,
  onRetry,
  renderBulkBar,
}: {
  data: RunPage;
  search: ActivitySearch;
  query: ListRunsQuery;
  onSearchChange: Update;
  selection: ReturnType<typeof useRunSelection>;
  selectable: boolean;
  failure: Error | null;
  retrying: { readonly at: number | null } | null;
  updatedAt: number;
  busy: boolean;
  onRetry: () => void;
  renderBulkBar?: ((selection: RunSelection) => ReactNode) | undefined;
}) {
  const runs: readonly Run[] = data.items;
  const navigate = (update: (prev: ActivitySearch) => ActivitySearch) => onSearchChange(update);
  const invalid = data.rejected.length;
  return (
    <>
      {failure ? (
        <ErrorState
          compact
          error={failure}
          title={`The Runs could not be refreshed; showing the answer from ${formatClock(updatedAt)}`}
          retrying={retrying}
          onRetry={onRetry}
        />
      ) : null}
      {invalid > 0 ? (
        <p className="activity__note" role="note">
          {`${countOf(invalid, 'item')} of this page ${invalid === 1 ? 'is' : 'are'} not shown as ${invalid === 1 ? 'a Run' : 'Runs'}: ${invalid === 1 ? 'its row says' : 'their rows say'} why. The others are as the API sent them.`}
        </p>
      ) : null}
      {selection.wholePage && data.total > runs.length ? (
        <div className="selection-bar" role="region" aria-label="Selection">
          {selection.allMatching ? (
            <p>All {formatCount(data.total)} Runs matching these filters are selected.</p>
          ) : (
            <p>
              All {runs.length} Runs on this page are selected.{' '}
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={selection.selectAllMatching}
              >
                Select all {formatCount(data.total)} Runs matching these filters
              </button>
            </p>
          )}
        </div>
      ) : null}
      {/* Always rendered, so a bulk bar can keep showing outcomes after the selection clears. */}
      {selectable
        ? renderBulkBar?.({
            runs: selection.selectedRuns,
            allMatching: selection.allMatching,
            query,
            total: data.total,
            clear: selection.clear,
          })
        : null}
      <RunsTable
        runs={runs}
        rejected={data.rejected}
        sort={search.sort}
        order={search.order}
        onSortChange={(sort, order) => navigate((s) => ({ ...s, sort, order, page: 1 }))}
        expanded={search.expanded}
        onExpandedChange={(expanded) =>
          onSearchChange((s) => ({ ...s, expanded }), { replace: true })
        }
        selectable={selectable}
        selected={selection.selectedIds}
        onSelectedChange={selection.setSelected}
        busy={busy}
      />
      <Pagination
        page={search.page}
        size={search.size}
        total={data.total}
        shown={runs.length + invalid}
        onPage={(page) => navigate((s) => ({ ...s, page }))}
        onSize={(size) => navigate((s) => ({ ...s, size, page: 1 }))}
      />
    </>
  );
}

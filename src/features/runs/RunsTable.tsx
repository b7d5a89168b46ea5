/**
 * The Runs table (SPEC §4) on TanStack Table: column model, sorting state (server-side), row
 * expansion and row selection, all controlled from the page (and so from the URL). Semantic table
 * markup (explicit roles, so the semantics survive the card layout of narrow screens): a caption,
 * column headers with `aria-sort`, each row headed by its Run ID. One tab stop for the table: the
 * active row's controls are in the tab order, the others are reached with j/k or the arrow keys.
 */
import { mdiArrowDown, mdiArrowUp, mdiSwapVertical } from '@mdi/js';
import type {
  ExpandedState,
  RowSelectionState,
  SortingState,
  Updater,
} from '@tanstack/react-table';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { Fragment, useMemo, useRef } from 'react';
import type { RejectedRun } from '../../api/read-run';
import type { SortOrder } from '../../api/contract';
import { Icon } from '../../components/ui/Icon';
import type { Run } from '../../domain/run';
import { timeZone } from '../../lib/time';
import type { SortKey } from './activity-search';
import { RejectedRow } from './RejectedRow';
import type { RunsTableMeta } from './run-columns';
import { buildColumns, detailsId } from './run-columns';
import { RunDetails } from './RunDetails';
import { useRunsKeyboard } from './use-runs-keyboard';

export interface RunsTableProps {
  readonly runs: readonly Run[];
  /** The page's items that are not shown as Runs, at their place in it. */
  readonly rejected: readonly RejectedRun[];
  readonly sort: SortKey;
  readonly order: SortOrder;
  readonly onSortChange: (sort: SortKey, order: SortOrder) => void;
  /** Runs whose row is open. */
  readonly expanded: readonly number[];
  readonly onExpandedChange: (expanded: number[]) => void;
  /** Whether the person can act on any Run here: without that, no checkboxes. */
  readonly selectable: boolean;
  readonly selected: ReadonlySet<number>;
  readonly onSelectedChange: (selected: ReadonlySet<number>) => void;
  /** True while the rows shown are the previous answer and a new one is on its way. */
  readonly busy: boolean;
}

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

const SORT_WORDS = {
  created: { desc: 'newest first', asc: 'oldest first', name: 'creation date' },
  duration: { desc: 'longest first', asc: 'shortest first', name: 'duration' },
} as const;

export function RunsTable({
  runs,
  rejected,
  sort,
  order,
  onSortChange,
  expanded,
  onExpandedChange,
  selectable,
  selected,
  onSelectedChange,
  busy,
}: RunsTableProps) {
  const lastChecked = useRef<number | null>(null);
  const columns = useMemo(() => buildColumns(lastChecked, selectable), [selectable]);
  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const expandedState: Record<string, boolean> = Object.fromEntries(
    expanded.map((id) => [String(id), true]),
  );
  const rowSelection: RowSelectionState = Object.fromEntries(
    [...selected].map((id) => [String(id), true]),
  );
  const keyboard = useRunsKeyboard(runs, expanded, onExpandedChange);
  const meta: RunsTableMeta = { activeId: keyboard.activeId };

  const table = useReactTable<Run>({
    data: runs as Run[],
    columns,
    meta,
    getRowId: (run) => String(run.id),
    getCoreRowModel: getCoreRowModel(),
    state: { sorting, expanded: expandedState, rowSelection },
    manualSorting: true,
    manualPagination: true,
    manualExpanding: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: true,
    getRowCanExpand: () => true,
    enableRowSelection: selectable,
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      if (next)
        onSortChange(next.id === 'duration' ? 'duration' : 'created', next.desc ? 'desc' : 'asc');
    },
    onExpandedChange: (updater) => {
      const next = resolve<ExpandedState>(updater, expandedState);
      const onPage = new Set(runs.map((r) => r.id));
      const openOnPage = new Set(
        next === true
          ? onPage
          : Object.keys(next)
              .filter((k) => next[k])
              .map(Number),
      );
      // Runs open on other pages stay open; the newly opened ones come last.
      const kept = expanded.filter((id) => !onPage.has(id) || openOnPage.has(id));
      const added = [...openOnPage].filter((id) => !expanded.includes(id));
      onExpandedChange([...kept, ...added]);
    },
    onRowSelectionChange: (updater) => {
      const next = resolve(updater, rowSelection);
      onSelectedChange(
        new Set(
          Object.keys(next)
            .filter((k) => next[k])
            .map(Number),
        ),
      );
    },
  });

  const columnCount = table.getVisibleLeafColumns().length;
  const rows = table.getRowModel().rows;
  // The page's items in their order: Runs, and the others where the API put them.
  const rejectedAt = new Map(rejected.map((item) => [item.index, item]));
  const sequence: ({ run: number } | { rejected: RejectedRun })[] = [];
  let nextRun = 0;
  for (let index = 0; index < rows.length + rejected.length; index++) {
    const other = rejectedAt.get(index);
    if (other) sequence.push({ rejected: other });
    else if (nextRun < rows.length) sequence.push({ run: nextRun++ });
  }
  for (const other of rejected)
    if (other.index >= rows.length + rejected.length) sequence.push({ rejected: other });

  return (
    <div className="runs-table-frame" ref={keyboard.frameRef} onKeyDown={keyboard.onKeyDown}>
      <table
        role="table"
        className={selectable ? 'table runs-table runs-table--selectable' : 'table runs-table'}
        aria-busy={busy || undefined}
      >
        <caption className="visually-hidden">
          Runs, sorted by {SORT_WORDS[sort].name}, {SORT_WORDS[sort][order]}
        </caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} className={`runs-table__width--${column.id}`} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row">
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    role="columnheader"
                    scope="col"
                    className={`runs-table__col runs-table__col--${column.id}`}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {column.getCanSort() ? (
                      <button
                        type="button"
                        className="runs-table__sort"
                        onClick={column.getToggleSortingHandler()}
                      >
                        {flexRender(column.columnDef.header, header.getContext())}
                        {column.id === 'created' ? (
                          <span className="runs-table__zone"> ({timeZone()})</span>
                        ) : null}
                        <Icon
                          path={
                            sorted === 'asc'
                              ? mdiArrowUp
                              : sorted === 'desc'
                                ? mdiArrowDown
                                : mdiSwapVertical
                          }
                          size={14}
                        />
                      </button>
                    ) : (
                      flexRender(column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {sequence.map((item) => {
            if ('rejected' in item) {
              return (
                <RejectedRow
                  key={`rejected-${item.rejected.index}`}
                  item={item.rejected}
                  columns={columnCount}
                />
              );
            }
            const row = rows[item.run];
            if (!row) return null;
            const run = row.original;
            const open = row.getIsExpanded();
            return (
              <Fragment key={row.id}>
                <tr
                  role="row"
                  data-run-id={run.id}
                  className={[
                    'runs-table__row',
                    open ? 'is-expanded' : '',
                    row.getIsSelected() ? 'is-selected' : '',
                    keyboard.activeId === run.id ? 'is-active' : '',
                  ].join(' ')}
                  onFocus={() => keyboard.setActive(run.id)}
                >
                  {row.getVisibleCells().map((cell) =>
                    cell.column.id === 'id' ? (
                      <th
                        key={cell.id}
                        role="rowheader"
                        scope="row"
                        className="runs-table__cell runs-table__cell--id"
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </th>
                    ) : (
                      <td
                        key={cell.id}
                        role="cell"
                        className={`runs-table__cell runs-table__cell--${cell.column.id}`}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ),
                  )}
                </tr>
                {open ? (
                  <tr id={detailsId(run.id)} role="row" className="runs-table__details">
                    <td role="cell" colSpan={columnCount}>
                      <RunDetails runId={run.id} summary={run} headingLevel={3} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The Runs table (SPEC §4) on TanStack Table: column model, sorting state (server-side), row
 * expansion and row selection, all controlled from the page (and so from the URL). Semantic table
 * markup: a caption, column headers with `aria-sort`, each row headed by its Run ID.
 */
import { mdiArrowDown, mdiArrowUp, mdiChevronRight, mdiSwapVertical } from '@mdi/js';
import type {
  ColumnDef,
  ExpandedState,
  RowSelectionState,
  SortingState,
  Table,
  Updater,
} from '@tanstack/react-table';
import { Link } from '@tanstack/react-router';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { ChangeEvent } from 'react';
import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { SortOrder } from '../../api/contract';
import { Icon } from '../../components/ui/Icon';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useNow } from '../../lib/now';
import { timeZone } from '../../lib/time';
import type { SortKey } from './activity-search';
import { RunDetails } from './RunDetails';
import { RunDuration } from './RunDuration';
import { RunProgress } from './RunProgress';
import { RunTime } from './RunTime';
import { WarningIndicator } from './WarningIndicator';

export interface RunsTableProps {
  readonly runs: readonly Run[];
  readonly sort: SortKey;
  readonly order: SortOrder;
  readonly onSortChange: (sort: SortKey, order: SortOrder) => void;
  /** Runs whose row is open. */
  readonly expanded: readonly number[];
  readonly onExpandedChange: (expanded: number[]) => void;
  readonly selected: ReadonlySet<number>;
  readonly onSelectedChange: (selected: ReadonlySet<number>) => void;
  /** True while the rows shown are the previous answer and a new one is on its way. */
  readonly busy: boolean;
}

const detailsId = (id: number) => `run-${id}-details`;

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

function buildColumns(lastChecked: { current: number | null }): ColumnDef<Run>[] {
  return [
    {
      id: 'select',
      header: ({ table }) => <SelectAll table={table} />,
      cell: ({ row, table }) => (
        <input
          type="checkbox"
          className="runs-table__check"
          aria-label={`Select Run #${row.original.id}`}
          checked={row.getIsSelected()}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            // React reports a checkbox change from its click event, which knows about Shift.
            const native = event.nativeEvent as MouseEvent;
            const checked = event.target.checked;
            const rows = table.getRowModel().rows;
            const last = lastChecked.current;
            const [from, to] =
              native.shiftKey && last !== null && last < rows.length
                ? [Math.min(last, row.index), Math.max(last, row.index)]
                : [row.index, row.index];
            const range = new Set(rows.slice(from, to + 1).map((r) => r.id));
            const next: RowSelectionState = Object.fromEntries(
              Object.entries(table.getState().rowSelection).filter(([id]) => !range.has(id)),
            );
            if (checked) for (const id of range) next[id] = true;
            table.setRowSelection(next);
            lastChecked.current = row.index;
          }}
        />
      ),
    },
    {
      id: 'expand',
      header: () => <span className="visually-hidden">Details</span>,
      cell: ({ row }) => (
        <button
          type="button"
          className="button button--ghost button--small runs-table__expand"
          aria-expanded={row.getIsExpanded()}
          aria-controls={row.getIsExpanded() ? detailsId(row.original.id) : undefined}
          aria-label={`Details of Run #${row.original.id}`}
          onClick={row.getToggleExpandedHandler()}
        >
          <Icon path={mdiChevronRight} className="runs-table__chevron" />
        </button>
      ),
    },
    {
      id: 'id',
      header: 'ID',
      cell: ({ row }) => (
        <span className="runs-table__id">
          <Link to="/runs/$runId" params={{ runId: row.original.id }}>
            #{row.original.id}
          </Link>
          <WarningIndicator run={row.original} />
        </span>
      ),
    },
    { id: 'type', header: 'Type', cell: ({ row }) => operationLabel(row.original.type) },
    { id: 'datastore', header: 'Datastore', cell: ({ row }) => row.original.datastore.name },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusBadge state={row.original.state} size="sm" />,
    },
    {
      id: 'created',
      header: 'Started',
      accessorFn: (run) => run.createdAt,
      enableSorting: true,
      cell: ({ row }) => <StartedCell run={row.original} />,
    },
    {
      id: 'duration',
      header: 'Duration',
      accessorFn: (run) =>
        run.startedAt === null ? 0 : (run.endedAt ?? run.startedAt) - run.startedAt,
      enableSorting: true,
      cell: ({ row }) => <RunDuration run={row.original} />,
    },
    { id: 'progress', header: 'Progress', cell: ({ row }) => <RunProgress run={row.original} /> },
    { id: 'triggered_by', header: 'Triggered by', cell: ({ row }) => row.original.triggeredBy },
    {
      id: 'schedule',
      header: 'Schedule',
      cell: ({ row }) =>
        row.original.schedule ? row.original.schedule.name : <span className="muted">—</span>,
    },
  ];
}

function SelectAll({ table }: { table: Table<Run> }) {
  const ref = useRef<HTMLInputElement>(null);
  const some = table.getIsSomePageRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="runs-table__check"
      aria-label="Select all Runs on this page"
      checked={table.getIsAllPageRowsSelected()}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
    />
  );
}

function StartedCell({ run }: { run: Run }) {
  const now = useNow(isActive(run.state));
  if (run.startedAt === null) {
    return (
      <span className="muted">
        Not started
        <span className="runs-table__sub">
          created <RunTime at={run.createdAt} now={now} />
        </span>
      </span>
    );
  }
  return <RunTime at={run.startedAt} now={now} />;
}

export function RunsTable({
  runs,
  sort,
  order,
  onSortChange,
  expanded,
  onExpandedChange,
  selected,
  onSelectedChange,
  busy,
}: RunsTableProps) {
  const lastChecked = useRef<number | null>(null);
  const columns = useMemo(() => buildColumns(lastChecked), []);
  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const expandedState: Record<string, boolean> = Object.fromEntries(
    expanded.map((id) => [String(id), true]),
  );
  const rowSelection: RowSelectionState = Object.fromEntries(
    [...selected].map((id) => [String(id), true]),
  );

  const table = useReactTable<Run>({
    data: runs as Run[],
    columns,
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
    enableRowSelection: true,
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
  return (
    <div className="table-scroll">
      <table className="table runs-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">
          Runs, sorted by {sort === 'created' ? 'creation date' : 'duration'},{' '}
          {order === 'desc'
            ? sort === 'created'
              ? 'newest first'
              : 'longest first'
            : sort === 'created'
              ? 'oldest first'
              : 'shortest first'}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sortable = column.getCanSort();
                const sorted = column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`runs-table__col runs-table__col--${column.id}`}
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {sortable ? (
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
          {table.getRowModel().rows.map((row) => {
            const run = row.original;
            const open = row.getIsExpanded();
            return (
              <Fragment key={row.id}>
                <tr
                  data-run-id={run.id}
                  className={[
                    'runs-table__row',
                    open ? 'is-expanded' : '',
                    row.getIsSelected() ? 'is-selected' : '',
                  ].join(' ')}
                >
                  {row.getVisibleCells().map((cell) =>
                    cell.column.id === 'id' ? (
                      <th
                        key={cell.id}
                        scope="row"
                        className="runs-table__cell runs-table__cell--id"
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </th>
                    ) : (
                      <td
                        key={cell.id}
                        className={`runs-table__cell runs-table__cell--${cell.column.id}`}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ),
                  )}
                </tr>
                {open ? (
                  <tr id={detailsId(run.id)} className="runs-table__details">
                    <td colSpan={columnCount}>
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

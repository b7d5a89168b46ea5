/**
 * The columns of the Runs table (SPEC §4), as TanStack Table column definitions. Each cell is one
 * line in the dense layout: long names are cut with their whole text on hover and focus
 * (`Clipped`). Widths are fixed per column (runs-table.css) so they never jump on a live refresh.
 */
import { mdiChevronRight } from '@mdi/js';
import { Link } from '@tanstack/react-router';
import type { ColumnDef, RowSelectionState, Table } from '@tanstack/react-table';
import type { ChangeEvent } from 'react';
import { useEffect, useRef } from 'react';
import { Clipped } from '../../components/ui/Clipped';
import { Icon } from '../../components/ui/Icon';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useNow } from '../../lib/now';
import { RunDuration } from './RunDuration';
import { RunProgress } from './RunProgress';
import { RunTime } from './RunTime';
import { useRunSlots } from './run-slots';
import { WarningIndicator } from './WarningIndicator';

/** What the cells need from the table beyond the Run: which row holds the table's one tab stop. */
export interface RunsTableMeta {
  readonly activeId: number | null;
}

export const detailsId = (id: number) => `run-${id}-details`;

/** Controls of rows other than the active one leave the tab order (one stop for the table). */
function tabIndexOf(table: Table<Run>, run: Run): 0 | -1 {
  return (table.options.meta as RunsTableMeta | undefined)?.activeId === run.id ? 0 : -1;
}

export function buildColumns(
  lastChecked: { current: number | null },
  selectable: boolean,
): ColumnDef<Run>[] {
  const select: ColumnDef<Run> = {
    id: 'select',
    header: ({ table }) => <SelectAll table={table} />,
    cell: ({ row, table }) => (
      <input
        type="checkbox"
        className="runs-table__check"
        aria-label={`Select Run #${row.original.id}`}
        tabIndex={tabIndexOf(table, row.original)}
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
  };
  const columns: ColumnDef<Run>[] = [
    {
      id: 'expand',
      header: () => <span className="visually-hidden">Details</span>,
      cell: ({ row, table }) => (
        <button
          type="button"
          className="button button--ghost button--small runs-table__expand"
          aria-expanded={row.getIsExpanded()}
          aria-controls={row.getIsExpanded() ? detailsId(row.original.id) : undefined}
          aria-label={`Details of Run #${row.original.id}`}
          tabIndex={tabIndexOf(table, row.original)}
          onClick={row.getToggleExpandedHandler()}
        >
          <Icon path={mdiChevronRight} className="runs-table__chevron" />
        </button>
      ),
    },
    {
      id: 'id',
      header: 'ID',
      cell: ({ row, table }) => (
        <span className="runs-table__id">
          <Link
            to="/runs/$runId"
            params={{ runId: row.original.id }}
            tabIndex={tabIndexOf(table, row.original)}
            data-run-link
          >
            #{row.original.id}
          </Link>
          <WarningIndicator run={row.original} />
        </span>
      ),
    },
    {
      id: 'type',
      header: 'Type',
      cell: ({ row }) => <Clipped text={operationLabel(row.original.type)} />,
    },
    {
      id: 'datastore',
      header: 'Datastore',
      cell: ({ row }) => <Clipped text={row.original.datastore.name} />,
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusBadge state={row.original.state} size="sm" />,
    },
    {
      id: 'watch',
      header: () => <span className="visually-hidden">Notify</span>,
      cell: ({ row, table }) => (
        <WatchCell run={row.original} tabIndex={tabIndexOf(table, row.original)} />
      ),
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
    {
      id: 'triggered_by',
      header: 'Triggered by',
      cell: ({ row }) => <Clipped text={row.original.triggeredBy} />,
    },
    {
      id: 'schedule',
      header: 'Schedule',
      cell: ({ row }) =>
        row.original.schedule ? (
          <Clipped text={row.original.schedule.name} />
        ) : (
          <span className="muted">
            <span aria-hidden>—</span>
            <span className="visually-hidden">None</span>
          </span>
        ),
    },
  ];
  return selectable ? [select, ...columns] : columns;
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

/** When it started, relative, in one line; a Run not started yet says so, with its creation. */
function StartedCell({ run }: { run: Run }) {
  const now = useNow(isActive(run.state));
  if (run.startedAt === null) {
    return (
      <span className="muted runs-table__not-started">
        <span className="visually-hidden">Not started, </span>
        created <RunTime at={run.createdAt} now={now} />
      </span>
    );
  }
  return <RunTime at={run.startedAt} now={now} />;
}

/** "Notify me when it finishes" on a collapsed row, while the Run is active (the route's slot). */
function WatchCell({ run, tabIndex }: { run: Run; tabIndex: 0 | -1 }) {
  const { RowWatch } = useRunSlots();
  if (RowWatch === undefined || !isActive(run.state)) return null;
  // The bell's room is kept while its code loads, so the row does not move when it arrives.
  return (
    <span className="runs-table__watch">
      <RowWatch run={run} tabIndex={tabIndex} />
    </span>
  );
}

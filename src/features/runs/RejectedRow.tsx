import { Link } from '@tanstack/react-router';
import type { RejectedRun } from '../../api/read-run';
import { Clipped } from '../../components/ui/Clipped';
import { StatusBadge, UnknownStateBadge } from '../../components/ui/StatusBadge';
import { useNow } from '../../lib/now';
import { RunTime } from './RunTime';

/**
 * An item of the page that is not shown as a Run: a Run of a type or state this dashboard does
 * not know (shown as the server sent it, neutral, no actions), or one that cannot be read at all
 * (what is wrong with it, in words). Either way the other Runs of the page are shown as usual.
 */
export function RejectedRow({ item, columns }: { item: RejectedRun; columns: number }) {
  if (item.kind === 'invalid') {
    return (
      <tr role="row" className="runs-table__row runs-table__row--invalid">
        <td role="cell" colSpan={columns}>
          <Clipped
            text={
              item.id === null
                ? `An item could not be shown: ${item.problem}`
                : `Run #${item.id} could not be shown: ${item.problem}`
            }
          />
        </td>
      </tr>
    );
  }
  return <UnrecognisedRow run={item.run} columns={columns} />;
}

function UnrecognisedRow({
  run,
  columns,
}: {
  run: Extract<RejectedRun, { kind: 'unrecognised' }>['run'];
  columns: number;
}) {
  const now = useNow(false);
  return (
    <tr role="row" className="runs-table__row runs-table__row--unrecognised" data-run-id={run.id}>
      <th role="rowheader" scope="row" className="runs-table__cell runs-table__cell--id">
        <Link to="/runs/$runId" params={{ runId: run.id }} tabIndex={-1}>
          #{run.id}
        </Link>
      </th>
      <td role="cell" className="runs-table__cell">
        <Clipped text={run.typeText} />
      </td>
      <td role="cell" className="runs-table__cell">
        <Clipped text={run.datastoreName ?? '—'} />
      </td>
      <td role="cell" className="runs-table__cell">
        {run.state ? (
          <StatusBadge state={run.state} size="sm" />
        ) : (
          <UnknownStateBadge text={run.stateText} size="sm" />
        )}
      </td>
      <td role="cell" className="runs-table__cell">
        <RunTime at={run.createdAt} now={now} />
      </td>
      <td role="cell" className="runs-table__cell muted" colSpan={Math.max(1, columns - 5)}>
        A {run.type ? 'state' : 'type'} this dashboard does not know: shown as the API sent it,
        without actions.
      </td>
    </tr>
  );
}

import { StatusBadge } from '../../components/ui/StatusBadge';
import type { Run } from '../../domain/run';
import { formatCount, formatDuration } from '../../lib/time';
import type { ContainerSide } from './compare';
import { alignContainers } from './compare';
import { DiffersMark } from './CompareTable';

/** Per-container results of both Runs, one row per container name. */
export function ContainersCompared({ a, b, now }: { a: Run; b: Run; now: number }) {
  const rows = alignContainers(a, b, now);
  if (rows.length === 0) return <p className="muted">Neither Run lists any container.</p>;
  return (
    <table className="table compare-table">
      <caption className="visually-hidden">{`Containers of Run #${a.id} and Run #${b.id}`}</caption>
      <thead>
        <tr>
          <th scope="col">Container</th>
          <th scope="col">Run #{a.id}</th>
          <th scope="col">Run #{b.id}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className={row.differs ? 'compare-table__differs' : undefined}>
            <th scope="row">
              {row.name}
              {row.differs ? <DiffersMark /> : null}
            </th>
            <td>
              <Side side={row.a} active={a.state === 'queued' || a.state === 'running'} />
            </td>
            <td>
              <Side side={row.b} active={b.state === 'queued' || b.state === 'running'} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Side({ side, active }: { side: ContainerSide | null; active: boolean }) {
  if (side === null) return <span className="muted">Not in this Run</span>;
  if (side.state === null)
    return <span className="muted">{active ? 'Not started' : 'Not processed'}</span>;
  return (
    <div className="compare-side">
      <StatusBadge state={side.state} size="sm" />
      <dl className="compare-side__facts">
        <div>
          <dt>Records</dt>
          <dd>{formatCount(side.records ?? 0)}</dd>
        </div>
        {side.anomalies !== null ? (
          <div>
            <dt>Anomalies</dt>
            <dd>{formatCount(side.anomalies)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Duration</dt>
          <dd>{side.durationMs === null ? '—' : formatDuration(side.durationMs)}</dd>
        </div>
        {side.message ? (
          <div>
            <dt>Message</dt>
            <dd>{side.message}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

/**
 * The Results tab. Profile and Scan: one row per container with the shared status badge, counts,
 * timings, message and (when the route provides it) the container's log; the containers not
 * started yet are listed too. Other types fold their work into the Run: their summary counters.
 */
import { Fragment, useId, useState } from 'react';
import { Skeleton } from '../../components/ui/Skeleton';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { operationInfo } from '../../domain/operations';
import type { ContainerRef, ContainerResult, Run } from '../../domain/run';
import { hasContainerResults } from '../../domain/run';
import { isActive } from '../../domain/states';
import { formatAbsolute, formatCount, formatShort } from '../../lib/time';
import { ContainerGantt } from './ContainerGantt';
import { useRunSlots } from './run-slots';
import { RunDuration } from './RunDuration';
import { SummaryCounters } from './SummaryCounters';

export function RunResults({
  run,
  loaded,
}: {
  run: Run;
  /** Whether `run` is the full detail (with containers), not only the list's summary. */
  loaded: boolean;
}) {
  const info = operationInfo(run.type);
  if (!hasContainerResults(run)) {
    return (
      <div className="run-results">
        <p className="muted">
          {info.label} Runs report their work for the Run as a whole, not per{' '}
          {info.unitSingular.toLowerCase()}.
        </p>
        <SummaryCounters run={run} />
      </div>
    );
  }
  if (!loaded) {
    return (
      <div role="status" className="run-results">
        <span className="visually-hidden">Loading the results…</span>
        <Skeleton width="80%" />
        <Skeleton width="70%" />
      </div>
    );
  }
  if (run.containerResults === null) {
    return <p className="muted">The server did not report per-container results for this Run.</p>;
  }
  return (
    <>
      <ContainerTable run={run} results={run.containerResults} />
      <ContainerGantt run={run} results={run.containerResults} />
    </>
  );
}

function ContainerTable({ run, results }: { run: Run; results: readonly ContainerResult[] }) {
  const { ContainerLog } = useRunSlots();
  const baseId = useId();
  const [openLogs, setOpenLogs] = useState<ReadonlySet<number>>(new Set());
  const isScan = run.type === 'scan';
  const seen = new Set(results.map((r) => r.container.id));
  const notStarted: ContainerRef[] = run.containers.filter((c) => !seen.has(c.id));
  const withLog = ContainerLog !== undefined;
  const columns = (isScan ? 8 : 9) + (withLog ? 1 : 0);
  const { unit } = operationInfo(run.type);
  const toggleLog = (id: number) =>
    setOpenLogs((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="table-scroll">
      <table className="table results-table">
        <caption className="visually-hidden">
          {unit} of Run #{run.id}
        </caption>
        <thead>
          <tr>
            <th scope="col">Container</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Records
            </th>
            {isScan ? (
              <th scope="col" className="num">
                Anomalies
              </th>
            ) : (
              <>
                <th scope="col" className="num">
                  Fields profiled
                </th>
                <th scope="col" className="num">
                  Checks
                </th>
              </>
            )}
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Duration</th>
            <th scope="col">Message</th>
            {withLog ? (
              <th scope="col">
                <span className="visually-hidden">Log</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {results.map((result) => {
            const logId = `${baseId}-log-${result.id}`;
            const open = openLogs.has(result.id);
            return (
              <Fragment key={result.id}>
                <tr>
                  <th scope="row" className="results-table__name">
                    {result.container.name}
                  </th>
                  <td>
                    <StatusBadge state={result.state} size="sm" />
                  </td>
                  <td className="num">{formatCount(result.recordsProcessed)}</td>
                  {isScan ? (
                    <td className="num">{formatCount(result.anomalies ?? 0)}</td>
                  ) : (
                    <>
                      <td className="num">{formatCount(result.fieldsProfiled ?? 0)}</td>
                      <td className="num">{formatCount(result.checksSynchronized ?? 0)}</td>
                    </>
                  )}
                  <td>
                    <Moment at={result.startedAt} />
                  </td>
                  <td>
                    <Moment at={result.endedAt} />
                  </td>
                  <td>
                    <RunDuration run={result} />
                  </td>
                  <td className="results-table__message">{result.message ?? ''}</td>
                  {withLog ? (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-expanded={open}
                        aria-controls={open ? logId : undefined}
                        onClick={() => toggleLog(result.id)}
                      >
                        {open ? 'Hide log' : 'Log'}
                        <span className="visually-hidden"> of {result.container.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
                {withLog && open ? (
                  <tr id={logId} className="results-table__log">
                    <td colSpan={columns}>
                      <ContainerLog run={run} containerId={result.container.id} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
          {notStarted.map((container) => (
            <tr key={`pending-${container.id}`} className="results-table__pending">
              <th scope="row" className="results-table__name">
                {container.name}
              </th>
              <td className="muted">{isActive(run.state) ? 'Not started' : 'Not processed'}</td>
              <td colSpan={columns - 2} className="muted">
                —
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Moment({ at }: { at: number | null }) {
  if (at === null) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(at).toISOString()} title={formatAbsolute(at)}>
      {formatShort(at)}
    </time>
  );
}

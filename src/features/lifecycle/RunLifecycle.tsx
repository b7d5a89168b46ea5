import { useId, useState } from 'react';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { operationInfo } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { stateLabel } from '../../domain/states';
import { formatAbsolute, formatShort, timeZone } from '../../lib/time';
import { LifecycleDiagram } from './LifecycleDiagram';
import { LifecycleLegend } from './LifecycleLegend';
import type { OperationType } from '../../domain/operations';
import type { RunPath, Visit } from '../../domain/run-path';
import { runPath } from '../../domain/run-path';
import { edgeKindLabel, relaunchText } from './lifecycle-words';
import { inEveryLayout, runDiagram } from './to-mermaid';
import { TransitionList } from './TransitionList';
import './lifecycle.css';

function VisitTime({ visit, format }: { visit: Visit; format: (ms: number) => string }) {
  if (visit.at === null) return <span className="muted">{visit.moment}: time not recorded</span>;
  return (
    <>
      {visit.moment}{' '}
      <time dateTime={new Date(visit.at).toISOString()} title={formatAbsolute(visit.at)}>
        {format(visit.at)}
      </time>
    </>
  );
}

/** The Run's lifecycle in words: where it has been, where it can go, how to relaunch it. */
function RunLifecycleText({
  type,
  path,
  format,
  idPrefix,
  showPath,
}: {
  type: OperationType;
  path: RunPath;
  format: (ms: number) => string;
  idPrefix: string;
  showPath: boolean;
}) {
  return (
    <div className="run-lifecycle__text">
      {showPath ? (
        <>
          <p className="run-lifecycle__label" id={`${idPrefix}-path`}>
            Path so far
          </p>
          <ol className="run-lifecycle__path" aria-labelledby={`${idPrefix}-path`}>
            {path.visits.map((visit) => (
              <li key={visit.state}>
                <StatusBadge state={visit.state} size="sm" />{' '}
                <VisitTime visit={visit} format={format} />
                {visit.state === path.current ? (
                  <strong className="run-lifecycle__current"> (current)</strong>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className="run-lifecycle__label" id={`${idPrefix}-next`}>
        Possible next
      </p>
      {path.next.length === 0 ? (
        <p className="run-lifecycle__none">
          None: the Run has ended as {stateLabel(path.current)} and never changes again.
        </p>
      ) : (
        <ul className="run-lifecycle__next" aria-labelledby={`${idPrefix}-next`}>
          {path.next.map((t) => (
            <li key={t.to}>
              → {stateLabel(t.to)}: {t.label} ({edgeKindLabel(t.kind)})
            </li>
          ))}
        </ul>
      )}
      {path.relaunch !== null ? (
        <p className="run-lifecycle__relaunch">
          <span className="run-lifecycle__label">Relaunch: </span>
          {relaunchText(type, path.relaunch)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One Run's lifecycle: the state diagram with its current state highlighted, the states it passed
 * through with their times and the transitions still possible; and the same as visible text, so
 * it is useful without the picture. `compact` (for the expanded table row) keeps the text short
 * and the diagram behind a disclosure, drawn (and mermaid loaded) only once opened.
 */
export function RunLifecycle({
  run,
  compact = false,
  showPath = true,
}: {
  run: Run;
  compact?: boolean;
  /** Whether to list the visited states in words (off where a timeline beside it does that). */
  showPath?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const path = runPath(run);
  const label = operationInfo(run.type).label;
  const idPrefix = useId();
  const caption = (
    <>
      Lifecycle of Run #{run.id} ({label}), now {stateLabel(run.state)}. Times in {timeZone()}.
    </>
  );
  const diagram = (
    <LifecycleDiagram
      drawings={inEveryLayout((layout) => runDiagram(run, formatShort, layout))}
      caption={caption}
      compact={compact}
      fallback={<TransitionList type={run.type} label={`Transitions of ${label} runs`} />}
    />
  );
  if (compact) {
    return (
      <div className="run-lifecycle run-lifecycle--compact">
        <RunLifecycleText
          type={run.type}
          path={path}
          format={formatShort}
          idPrefix={idPrefix}
          showPath={showPath}
        />
        <details
          className="run-lifecycle__disclosure"
          onToggle={(event) => setOpen(event.currentTarget.open)}
        >
          <summary>Lifecycle diagram</summary>
          {open ? (
            <>
              {diagram}
              <LifecycleLegend forRun />
            </>
          ) : null}
        </details>
      </div>
    );
  }
  return (
    <div className="run-lifecycle">
      {diagram}
      <LifecycleLegend forRun />
      <RunLifecycleText
        type={run.type}
        path={path}
        format={formatAbsolute}
        idPrefix={idPrefix}
        showPath={showPath}
      />
    </div>
  );
}

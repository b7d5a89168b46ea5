/**
 * A Run's compact header: identity, badge, and what a person checks first (datastore, times,
 * progress, who or what triggered it, its schedule, its place in the queue, its lineage), with
 * the actions beside the title and, on the Run page, how fresh it is.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { lineageOf } from '../../domain/lineage';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { formatAbsolute } from '../../lib/time';
import { Fact } from './Fact';
import { RunDuration } from './RunDuration';
import { RunEta } from './RunEta';
import { RunProgress } from './RunProgress';
import { WarningIndicator } from './WarningIndicator';

export function RunHeader({
  run,
  titleId,
  headingLevel,
  actions,
  watch,
  aside,
  problem,
}: {
  run: Run;
  titleId: string;
  headingLevel: 1 | 2 | 3;
  /** The action buttons (from the route, through the slots). */
  actions: ReactNode;
  /** "Notify me when it finishes" (from the route, through the slots). */
  watch?: ReactNode;
  /** Beside the title, at the end of the row (the Run page's freshness). */
  aside?: ReactNode;
  /** Why the latest details could not be loaded, when they could not. */
  problem?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <header className="run-details__header">
      <div className="run-details__title-row">
        <Heading id={titleId} className="run-details__title">
          {operationLabel(run.type)} Run #{run.id}
        </Heading>
        <StatusBadge state={run.state} />
        <WarningIndicator run={run} />
        {actions ? <div className="run-details__actions">{actions}</div> : null}
        {watch}
        {aside ? <div className="run-details__aside">{aside}</div> : null}
      </div>
      {problem}
      {run.message ? (
        <p className={`run-details__message run-details__message--${run.state}`}>
          <strong>{run.state === 'success' ? 'Note' : 'Message'}:</strong> {run.message}
        </p>
      ) : null}
      <dl className="facts facts--header">
        <Fact term="Datastore">{run.datastore.name}</Fact>
        <Fact term="Created">{formatAbsolute(run.createdAt)}</Fact>
        <Fact term="Started">
          {run.startedAt === null ? (
            <span className="muted">Not started</span>
          ) : (
            formatAbsolute(run.startedAt)
          )}
        </Fact>
        {run.endedAt !== null ? <Fact term="Ended">{formatAbsolute(run.endedAt)}</Fact> : null}
        <Fact term="Duration">
          <RunDuration run={run} />
        </Fact>
        <Fact term="Progress">
          <RunProgress run={run} />
        </Fact>
        <RunEta run={run} />
        <Fact term="Triggered by">{run.triggeredBy}</Fact>
        <Fact term="Schedule">
          {run.schedule ? run.schedule.name : <span className="muted">None (run on demand)</span>}
        </Fact>
        {run.state === 'queued' ? (
          <Fact term="Queue">
            {run.queuePosition !== null ? `Position ${run.queuePosition} in the queue, ` : ''}
            waiting for a free worker
          </Fact>
        ) : null}
        {run.state === 'aborted' && run.abortedBy ? (
          <Fact term="Aborted by">{run.abortedBy}</Fact>
        ) : null}
        <RunLineageFacts run={run} />
      </dl>
    </header>
  );
}

/** "Resumed from #12", "Rerun as #60": links along the Resume/Rerun lineage. */
function RunLineageFacts({ run }: { run: Run }) {
  const { parent, children } = lineageOf(run);
  const links = [...(parent ? [parent] : []), ...(children ?? [])];
  if (links.length === 0) return null;
  return (
    <Fact term="Related runs">
      <ul className="inline-list" aria-label="Related runs">
        {links.map((link) => (
          <li key={`${link.text}-${link.id}`}>
            {link.text}{' '}
            <Link to="/runs/$runId" params={{ runId: link.id }}>
              #{link.id}
            </Link>
          </li>
        ))}
      </ul>
      {parent ? (
        <Link to="/compare" search={{ a: parent.id, b: run.id }}>
          {compareText(run.relaunch)}
        </Link>
      ) : null}
    </Fact>
  );
}

const compareText = (relaunch: Run['relaunch']): string =>
  relaunch === 'resume'
    ? 'Compare with the Run it resumed'
    : relaunch === 'rerun'
      ? 'Compare with the Run it reran'
      : 'Compare with the Run it came from';

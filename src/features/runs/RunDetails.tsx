/**
 * The content of one Run: header (identity, badge, times, progress, triggered by, schedule, queue),
 * the settings it used, its summary counters, and the Results and Logs tabs. Shown inside an
 * expanded row of the Activity table and, full-page, on the Run page.
 *
 * Features never import each other: the parts other features provide (action buttons, the log
 * viewer, container logs, the lifecycle) come from the route, through the run slots context.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef } from 'react';
import { isApiError } from '../../api/errors';
import { ErrorState } from '../../components/ui/ErrorState';
import { Skeleton } from '../../components/ui/Skeleton';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { Tabs } from '../../components/ui/Tabs';
import { operationInfo, operationLabel } from '../../domain/operations';
import type { Run, Setting } from '../../domain/run';
import { lineageOf } from '../../domain/lineage';
import { isActive } from '../../domain/states';
import { formatAbsolute, formatCount } from '../../lib/time';
import { retryNow, useRetrying } from '../../queries/connection';
import { liveRefetch } from '../../queries/live';
import { runDetailQuery, runKeys } from '../../queries/runs';
import { Fact } from './Fact';
import { RunDuration } from './RunDuration';
import { useRunSlots } from './run-slots';
import { RunProgress } from './RunProgress';
import { RunResults } from './RunResults';
import type { RunTab } from './run-tabs';
import { RUN_TABS } from './run-tabs';
import { SummaryCounters } from './SummaryCounters';
import { WarningIndicator } from './WarningIndicator';
import './run-details.css';

export interface RunDetailsProps {
  readonly runId: number;
  /**
   * The Run as the Activity list knows it: shown until the detail arrives, and each time the list
   * sees it change, the detail is refreshed (the list's polling drives it, one request per view).
   * Without it (the Run page) the detail refreshes itself every few seconds while active.
   */
  readonly summary?: Run;
  /** Level of the Run's heading: 3 inside the table (default), 1 or 2 on a page of its own. */
  readonly headingLevel?: 1 | 2 | 3;
  /** The selected tab, when the caller keeps it (the Run page keeps it in the URL). */
  readonly tab?: RunTab;
  readonly onTabChange?: (tab: RunTab) => void;
}

export function RunDetails({
  runId,
  summary,
  headingLevel = 3,
  tab,
  onTabChange,
}: RunDetailsProps) {
  const titleId = useId();
  const { Actions, Logs, Lifecycle } = useRunSlots();
  const queryClient = useQueryClient();
  const followsList = summary !== undefined;
  const detail = useQuery({
    ...runDetailQuery(runId),
    // Inside the Activity list, the list's polling drives it; on its own page, it polls itself.
    refetchInterval: followsList ? false : liveRefetch((run: Run) => isActive(run.state)),
  });

  // When the list sees this Run change (state, counters), bring the detail up to date with it.
  const summaryKey = summary ? changeKey(summary) : null;
  const lastSummaryKey = useRef(summaryKey);
  useEffect(() => {
    if (summaryKey === lastSummaryKey.current) return;
    lastSummaryKey.current = summaryKey;
    void queryClient.invalidateQueries({ queryKey: runKeys.detail(runId), exact: true });
  }, [summaryKey, runId, queryClient]);

  const run = detail.data ?? summary;
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h2' | 'h3' | 'h4';

  const retrying = useRetrying(detail);
  const failure = detail.error ?? detail.failureReason;
  const retry = () => {
    retryNow();
    void detail.refetch({ cancelRefetch: false });
  };
  if (isApiError(detail.error) && detail.error.fromApi && detail.error.status === 404) {
    return <RunMissing id={runId} wasShown={run !== undefined} headingLevel={headingLevel} />;
  }
  if (run === undefined) {
    if (failure) {
      return (
        <ErrorState
          error={failure}
          retrying={retrying}
          title={`Run #${runId} could not be loaded`}
          onRetry={retry}
        />
      );
    }
    return (
      <div className="run-details run-details--loading" role="status">
        <span className="visually-hidden">Loading Run #{runId}…</span>
        <Skeleton width="30%" height={20} />
        <Skeleton width="70%" />
        <Skeleton width="55%" />
      </div>
    );
  }

  const info = operationInfo(run.type);
  const detailLoaded = detail.data !== undefined;
  return (
    <article className="run-details" aria-labelledby={titleId}>
      <header className="run-details__header">
        <div className="run-details__title-row">
          <Heading id={titleId} className="run-details__title">
            {info.label} Run #{run.id}
          </Heading>
          <StatusBadge state={run.state} />
          <WarningIndicator run={run} />
        </div>
        {failure ? (
          <ErrorState
            compact
            error={failure}
            retrying={retrying}
            title="The latest details of this Run could not be loaded; showing what was known before"
            onRetry={retry}
          />
        ) : null}
        {run.message ? (
          <p className={`run-details__message run-details__message--${run.state}`}>
            <strong>{run.state === 'success' ? 'Note' : 'Message'}:</strong> {run.message}
          </p>
        ) : null}
        <dl className="facts">
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
        {Actions ? (
          <div className="run-details__actions">
            <Actions run={run} />
          </div>
        ) : null}
      </header>

      <div className="run-details__grid">
        <section aria-labelledby={`${titleId}-settings`}>
          <Sub id={`${titleId}-settings`} className="run-details__section-title">
            Settings
          </Sub>
          {run.settings.length > 0 ? (
            <dl className="facts facts--compact">
              {run.settings.map((setting) => (
                <Fact key={setting.key} term={setting.label}>
                  {settingText(setting)}
                </Fact>
              ))}
            </dl>
          ) : detailLoaded ? (
            <p className="muted">{info.label} Runs have no settings of their own.</p>
          ) : (
            <Skeleton width="60%" />
          )}
        </section>
        <section aria-labelledby={`${titleId}-summary`}>
          <Sub id={`${titleId}-summary`} className="run-details__section-title">
            Summary
          </Sub>
          <SummaryCounters run={run} />
        </section>
      </div>

      {Lifecycle ? (
        <div className="run-details__diagram">
          <Lifecycle run={run} />
        </div>
      ) : null}

      <Tabs
        label={`${operationLabel(run.type)} Run #${run.id}`}
        {...(tab ? { value: tab } : {})}
        {...(onTabChange
          ? {
              onValueChange: (value: string) => {
                const next = RUN_TABS.find((t) => t === value);
                if (next) onTabChange(next);
              },
            }
          : {})}
        tabs={[
          {
            id: 'results',
            label: 'Results',
            content: <RunResults run={run} loaded={detailLoaded} />,
          },
          { id: 'logs', label: 'Logs', content: <Logs run={run} /> },
        ]}
      />
    </article>
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
            {link.text} <RunLink id={link.id} />
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

const RunLink = ({ id }: { id: number }) => (
  <Link to="/runs/$runId" params={{ runId: id }}>
    #{id}
  </Link>
);

/**
 * The API says the Run does not exist: it was deleted while on screen (here or elsewhere), or
 * there never was one. Only the API's own 404 says so; a 404 from anything else is an error.
 */
function RunMissing({
  id,
  wasShown,
  headingLevel,
}: {
  id: number;
  wasShown: boolean;
  headingLevel: 1 | 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="run-details run-details--missing" aria-labelledby={`run-${id}-missing`}>
      <Heading id={`run-${id}-missing`} className="run-details__title">
        {wasShown ? `Run #${id} was deleted` : `Run #${id} not found`}
      </Heading>
      <p>
        {wasShown
          ? `Run #${id} was deleted — it is no longer here. The artifacts it produced stay.`
          : `There is no Run #${id}. It may have been deleted; the artifacts it produced stay.`}
      </p>
    </section>
  );
}

function settingText(setting: Setting): string {
  if (typeof setting.value === 'boolean') return setting.value ? 'Yes' : 'No';
  if (typeof setting.value === 'number') return formatCount(setting.value);
  return setting.value;
}

/** What, when it changes in the list, means the detail is out of date. */
const changeKey = (run: Run): string =>
  [
    run.state,
    run.progress.processed,
    run.progress.total,
    run.recordsProcessed,
    run.endedAt,
    run.hasLogs,
  ].join('|');

/**
 * The content of one Run: a compact header (identity, badge, times, progress, triggered by,
 * schedule, queue, actions), then the work first: the Results and Logs tabs, with the settings and
 * summary and the lifecycle in tabs of their own. Shown inside an
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
import { Tabs } from '../../components/ui/Tabs';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { retryNow, useRetrying } from '../../queries/connection';
import { liveRefetch } from '../../queries/live';
import { runDetailQuery, runKeys } from '../../queries/runs';
import { Freshness } from './Freshness';
import { RunHeader } from './RunHeader';
import { useRunSlots } from './run-slots';
import { RunSettings } from './RunSettings';
import { RunResults } from './RunResults';
import type { RunTab } from './run-tabs';
import { RUN_TABS } from './run-tabs';
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
  const { Actions, Watch, Logs, Lifecycle } = useRunSlots();
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
  const Sub = (headingLevel + 1) as 2 | 3 | 4;

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

  const detailLoaded = detail.data !== undefined;
  const problem = failure ? (
    <ErrorState
      compact
      error={failure}
      retrying={retrying}
      title="The latest details of this Run could not be loaded; showing what was known before"
      onRetry={retry}
    />
  ) : null;
  return (
    <article className="run-details" aria-labelledby={titleId}>
      <RunHeader
        run={run}
        titleId={titleId}
        headingLevel={headingLevel}
        actions={Actions ? <Actions run={run} /> : null}
        watch={Watch ? <Watch run={run} /> : null}
        aside={
          followsList ? null : (
            <Freshness
              updatedAt={detail.dataUpdatedAt}
              fetching={detail.isFetching}
              stale={failure !== null && detail.data !== undefined}
              onRefresh={retry}
            />
          )
        }
        problem={problem}
      />
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
          {
            id: 'details',
            label: 'Details',
            content: (
              <RunSettings run={run} titleId={titleId} headingLevel={Sub} loaded={detailLoaded} />
            ),
          },
          ...(Lifecycle
            ? [{ id: 'lifecycle', label: 'Lifecycle', content: <Lifecycle run={run} /> }]
            : []),
        ]}
      />
    </article>
  );
}

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
      {headingLevel === 1 ? (
        <p>
          <Link to="/">Back to Activity</Link>
        </p>
      ) : null}
    </section>
  );
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

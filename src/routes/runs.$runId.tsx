import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute, notFound, useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { z } from 'zod/mini';
import { isApiError } from '../api/errors';
import { runDetailQuery } from '../queries/runs';
import { RouteError } from '../app/RouteError';
import type { Run } from '../domain/run';
import { isActive } from '../domain/states';
import { RunTimeline } from '../features/history/RunTimeline';
import { RunLifecycle } from '../features/lifecycle/RunLifecycle';
import type { LineRange } from '../features/logs/line-range';
import { formatLineHash, parseLineHash } from '../features/logs/line-range';
import { RunLogPanel } from '../features/logs/RunLogPanel';
import { RunDetails } from '../features/runs/RunDetails';
import { RUN_TABS } from '../features/runs/run-tabs';
import { RunActionsSlot, containerLog } from './-components/run-slots';

/** A Run ID from the address: a whole number, or null (then the page is not found). */
function parseRunId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

const runPageSearch = z.object({
  /** The selected tab; without it, Logs when the address links to log lines, else Results. */
  tab: z.catch(z.optional(z.enum(RUN_TABS)), undefined),
});

export const Route = createFileRoute('/runs/$runId')({
  validateSearch: (input: Record<string, unknown>) => runPageSearch.parse(input),
  loader: async ({ context: { queryClient }, params }) => {
    const id = parseRunId(params.runId);
    if (id === null) throw notFound();
    try {
      await queryClient.ensureQueryData(runDetailQuery(id));
    } catch (error) {
      if (isApiError(error) && error.status === 404) throw notFound();
      throw error;
    }
  },
  component: RunPage,
  notFoundComponent: RunNotFound,
  errorComponent: RouteError,
});

function RunPage() {
  const id = Number(Route.useParams().runId);
  // The loader made sure the Run exists; RunDetails keeps it fresh while it is active. If it is
  // deleted while open, the detail answers 404 and the page says so.
  const detail = useSuspenseQuery(runDetailQuery(id));
  // Read the tab and the linked lines from one snapshot of the location: read apart, a
  // navigation that sets both could be seen half-done and flip the tab (remounting the log).
  const tab = useLocation({
    select: (location) => {
      const chosen = RUN_TABS.find((t) => t === (location.search as { tab?: unknown }).tab);
      return chosen ?? (parseLineHash(location.hash) !== null ? 'logs' : 'results');
    },
  });
  const navigate = Route.useNavigate();
  if (isApiError(detail.error) && detail.error.status === 404) return <RunNotFound />;
  return (
    <div className="run-page">
      <RunDetails
        runId={id}
        headingLevel={1}
        tab={tab}
        onTabChange={(next) =>
          void navigate({
            search: { tab: next },
            hash: (hash) => hash ?? '',
            replace: true,
            resetScroll: false,
          })
        }
        renderActions={(run) => <RunActionsSlot run={run} leaveOnDelete />}
        renderLogs={(run) => <RunLogSection run={run} />}
        renderContainerLog={containerLog}
        renderDiagram={(run) => <RunLifecycleSection run={run} />}
      />
    </div>
  );
}

/** Where the Run has been (timeline with times) and its path through the state diagram. */
function RunLifecycleSection({ run }: { run: Run }) {
  return (
    <div className="run-page__lifecycle">
      <RunTimeline run={run} />
      <section className="history" aria-labelledby="run-lifecycle-title">
        <h2 id="run-lifecycle-title" className="history__title">
          Lifecycle
        </h2>
        <RunLifecycle run={run} showPath={false} />
      </section>
    </div>
  );
}

/** The Run-level log; the selected lines live in the URL hash (`#L120`, `#L120-L140`). */
function RunLogSection({ run }: { run: Run }) {
  const hash = useLocation({ select: (location) => location.hash });
  const navigate = useNavigate();
  const selection = useMemo(() => parseLineHash(hash), [hash]);
  const onSelectionChange = useCallback(
    (range: LineRange | null) => {
      void navigate({
        to: '/runs/$runId',
        params: { runId: String(run.id) },
        // Linked lines live in the Logs tab: keep it selected with them.
        search: { tab: 'logs' },
        hash: formatLineHash(range),
        replace: true,
        resetScroll: false,
        hashScrollIntoView: false,
      });
    },
    [navigate, run.id],
  );
  return (
    <section className="run-page__log" aria-label={`Log of Run #${run.id}`}>
      <RunLogPanel
        runId={run.id}
        active={isActive(run.state)}
        selection={selection}
        onSelectionChange={onSelectionChange}
      />
    </section>
  );
}

function RunNotFound() {
  const { runId } = Route.useParams();
  const id = parseRunId(runId);
  return (
    <section aria-labelledby="run-not-found-title">
      <h1 id="run-not-found-title" className="page-title">
        {id === null ? 'Not a Run ID' : `Run #${id} not found`}
      </h1>
      <p>
        {id === null
          ? `“${runId}” is not a Run ID: Run IDs are whole numbers.`
          : `There is no Run #${id}. It may have been deleted; the artifacts it produced stay.`}
      </p>
      <p>
        <Link to="/">Back to Activity</Link>
      </p>
    </section>
  );
}

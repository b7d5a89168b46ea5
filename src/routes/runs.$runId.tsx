import type { NotFoundRouteProps } from '@tanstack/react-router';
import { Link, createFileRoute, notFound, useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo } from 'react';
import { z } from 'zod/mini';
import type { Run } from '../domain/run';
import { isActive } from '../domain/states';
import type { LineRange } from '../features/logs/line-range';
import { formatLineHash, parseLineHash } from '../features/logs/line-range';
import type { RunSlots } from '../features/runs/run-slots';
import { RunSlotsProvider } from '../features/runs/run-slots';
import { RUN_TABS } from '../features/runs/run-tabs';
import { validateActivitySearch } from '../features/runs/activity-search';
import { lastActivitySearch } from '../lib/activity-return';
import { logQuery } from '../queries/logs';
import { runDetailQuery } from '../queries/runs';
import {
  RunDetails,
  RunLifecycle,
  RunLogPanel,
  RunTimeline,
  WatchRunToggle,
} from './-components/chunks';
import { ContainerLog, RunPageActions } from './-components/run-slots';

/** A Run ID from the address: a whole number, or null. */
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
  // The Run id is parsed once, here; an address that is not a Run id is not found at once,
  // without asking the API.
  params: {
    parse: ({ runId }) => {
      const id = parseRunId(runId);
      if (id === null) throw notFound({ data: { notAnId: runId } });
      return { runId: id };
    },
    stringify: ({ runId }) => ({ runId: String(runId) }),
  },
  validateSearch: (input: Record<string, unknown>) => runPageSearch.parse(input),
  // Start the Run's request at once; never block the page on it (it shows its own loading,
  // error and not-found states).
  loaderDeps: ({ search }) => ({ tab: search.tab }),
  loader: ({ context: { queryClient }, params, deps, location }) => {
    void queryClient.prefetchQuery(runDetailQuery(params.runId));
    void RunDetails.preload();
    // Opened on its log: the viewer's code and the newest lines at once, beside the Run's (not
    // after it). A linked line is read by the viewer itself, at its own page.
    const linksLines = parseLineHash(location.hash) !== null;
    if (deps.tab === 'logs' || linksLines) {
      void RunLogPanel.preload();
      if (!linksLines) void queryClient.prefetchQuery(logQuery(params.runId, null));
    }
  },
  component: RunPage,
  notFoundComponent: NotARunId,
});

/** What the Run page shows of a Run, besides its header, results and log. */
const runPageSlots: RunSlots = {
  Actions: RunPageActions,
  Watch: WatchRunToggle,
  Logs: RunLogSection,
  ContainerLog,
  Lifecycle: RunLifecycleSection,
};

function RunPage() {
  const { runId } = Route.useParams();
  const { tab: chosen } = Route.useSearch();
  const hash = useLocation({ select: (location) => location.hash });
  const linksLines = parseLineHash(hash) !== null;
  const tab = chosen ?? (linksLines ? 'logs' : 'results');
  const navigate = Route.useNavigate();
  // An address with lines but no tab is written with its tab: the hash and the search do not
  // change in the same render, and a tab derived from the hash alone would blink to Results (and
  // remount the log) when the selection is cleared.
  useEffect(() => {
    if (chosen === undefined && linksLines)
      void navigate({
        search: { tab: 'logs' },
        hash: (h) => h ?? '',
        replace: true,
        resetScroll: false,
        hashScrollIntoView: false,
      });
  }, [chosen, linksLines, navigate]);
  return (
    <div className="run-page">
      <nav aria-label="Breadcrumb" className="run-page__crumbs">
        <ol>
          <li>
            <Link to="/" search={validateActivitySearch(lastActivitySearch())}>
              Activity
            </Link>
          </li>
          <li aria-current="page">Run #{runId}</li>
        </ol>
      </nav>
      <RunSlotsProvider slots={runPageSlots}>
        <RunDetails
          runId={runId}
          headingLevel={1}
          tab={tab}
          onTabChange={(next) =>
            void navigate({
              search: { tab: next },
              hash: (previous) => previous ?? '',
              replace: true,
              resetScroll: false,
            })
          }
        />
      </RunSlotsProvider>
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
        params: { runId: run.id },
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
        failed={run.state === 'failure'}
        selection={selection}
        onSelectionChange={onSelectionChange}
      />
    </section>
  );
}

/** The address is not a Run ID at all (the Run id's own not-found is the Run page's). */
function NotARunId({ data }: NotFoundRouteProps) {
  const raw =
    typeof data === 'object' && data !== null && 'notAnId' in data ? String(data.notAnId) : '';
  return (
    <section aria-labelledby="not-a-run-id-title">
      <h1 id="not-a-run-id-title" className="page-title">
        Not a Run ID
      </h1>
      <p>{`“${raw}” is not a Run ID: Run IDs are whole numbers.`}</p>
      <p>
        <Link to="/">Back to Activity</Link>
      </p>
    </section>
  );
}

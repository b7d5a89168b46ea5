import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, createFileRoute, notFound, useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { isApiError } from '../api/errors';
import { runDetailQuery } from '../api/queries';
import { RouteError } from '../app/RouteError';
import { StatusBadge } from '../components/ui/StatusBadge';
import { LIVE_REFRESH_MS } from '../config/polling';
import { operationLabel } from '../domain/operations';
import type { Run } from '../domain/run';
import { isActive } from '../domain/states';
import { RunLineage } from '../features/history/RunLineage';
import { RunTimeline } from '../features/history/RunTimeline';
import type { LineRange } from '../features/logs/line-range';
import { formatLineHash, parseLineHash } from '../features/logs/line-range';
import { RunLogPanel } from '../features/logs/RunLogPanel';

/** A Run ID from the address: a whole number, or null (then the page is not found). */
function parseRunId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export const Route = createFileRoute('/runs/$runId')({
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
  const detail = useSuspenseQuery({
    ...runDetailQuery(id),
    refetchInterval: (query) =>
      query.state.data && isActive(query.state.data.state) ? LIVE_REFRESH_MS : false,
  });
  const run = detail.data;
  if (isApiError(detail.error) && detail.error.status === 404) return <RunNotFound />;
  return (
    <article className="run-page" aria-labelledby="run-title">
      <RunHeading run={run} />
      <div className="run-page__history">
        <RunTimeline run={run} />
        <RunLineage run={run} />
      </div>
      <RunLogSection run={run} />
    </article>
  );
}

function RunHeading({ run }: { run: Run }) {
  return (
    <header className="run-page__header">
      <h1 id="run-title" className="page-title">
        Run #{run.id} <span className="run-page__type">{operationLabel(run.type)}</span>
      </h1>
      <p className="run-page__facts">
        <StatusBadge state={run.state} />
        <span>
          on <strong>{run.datastore.name}</strong>
        </span>
      </p>
    </header>
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
        hash: formatLineHash(range),
        replace: true,
        resetScroll: false,
        hashScrollIntoView: false,
      });
    },
    [navigate, run.id],
  );
  return (
    <section className="run-page__log" aria-labelledby="run-log-title">
      <h2 id="run-log-title" className="history__title">
        Log
      </h2>
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

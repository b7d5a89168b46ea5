/**
 * The parts of a Run's view that other features provide, composed here for the routes that show
 * Runs (the Activity page's expanded rows, the Run page). For now the Logs tab is a plain-text log
 * fetched incrementally; the log viewer of the logs feature replaces it.
 *
 * (Files and folders starting with `-` are not routes: TanStack's routeFileIgnorePrefix.)
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { LOG_PAGE_LIMIT } from '../../api/contract';
import { api } from '../../api/instance';
import type { LogEntry } from '../../api/map';
import { apiKeys } from '../../api/queries';
import { ErrorState } from '../../components/ui/ErrorState';
import { LOG_REFRESH_MS } from '../../config/polling';
import type { Run } from '../../domain/run';
import type { RunDetailsSlots } from '../../features/runs/RunDetails';
import { formatClock } from '../../lib/time';

interface PlainLog {
  readonly entries: readonly LogEntry[];
  readonly after: number;
  readonly complete: boolean;
}

/** Lines shown at most; the full viewer virtualizes, this stand-in keeps the tail. */
const SHOWN_LINES = 2_000;
/** Log pages fetched at most per refresh. */
const PAGES_PER_FETCH = 10;

const plainLogQuery = (queryClient: QueryClient, runId: number) => {
  const queryKey = [...apiKeys.runLogs(runId, null), 'plain'] as const;
  return queryOptions({
    queryKey,
    // Incremental: only what came after the last entry we have (the `after` cursor).
    queryFn: async ({ signal, queryKey: key }): Promise<PlainLog> => {
      const previous = queryClient.getQueryData<PlainLog>(key);
      if (previous?.complete) return previous;
      let entries = previous?.entries ?? [];
      let after = previous?.after ?? 0;
      let complete = false;
      for (let i = 0; i < PAGES_PER_FETCH; i++) {
        const page = await api.getLogs(runId, { after }, signal);
        entries = entries.concat(page.entries);
        after = page.nextAfter;
        complete = page.complete;
        if (complete || page.entries.length < LOG_PAGE_LIMIT) break;
      }
      return { entries, after, complete };
    },
    refetchInterval: (query) => (query.state.data?.complete ? false : LOG_REFRESH_MS),
  });
};

export function PlainRunLog({ run }: { run: Run }) {
  const queryClient = useQueryClient();
  const log = useQuery(plainLogQuery(queryClient, run.id));
  if (log.isPending) return <p role="status">Loading the log…</p>;
  if (log.isError)
    return (
      <ErrorState
        compact
        error={log.error}
        title="The log could not be loaded"
        onRetry={() => void log.refetch()}
      />
    );
  const { entries, complete } = log.data;
  const shown = entries.length > SHOWN_LINES ? entries.slice(-SHOWN_LINES) : entries;
  return (
    <div className="plain-log">
      <p className="muted">
        {entries.length === 0 ? 'No log lines yet.' : `${entries.length} lines`}
        {entries.length > shown.length ? ` (showing the last ${shown.length})` : ''}
        {complete ? '' : ' · following the log while the Run is active'}
      </p>
      {shown.length > 0 ? (
        <pre className="plain-log__lines" aria-label={`Log of Run #${run.id}`} tabIndex={0}>
          {shown
            .map((e) => `${formatClock(e.time)} ${e.level.toUpperCase().padEnd(7)} ${e.message}`)
            .join('\n')}
        </pre>
      ) : null}
    </div>
  );
}

/** What the routes pass to RunDetails / ActivityPage today. */
export const runSlots: RunDetailsSlots = {
  renderLogs: (run) => <PlainRunLog run={run} />,
};

/**
 * The live streams of docs/api.md "Live streams", as Server-Sent Events (sse.ts): one log's
 * entries as they are appended, and the change feed of the Runs. Both resume from `Last-Event-ID`.
 */
import { http } from 'msw';
import { RUN_ID_PARAM, parseLogsQuery, paths } from '../../src/api/contract';
import { canView } from '../../src/domain/permissions';
import type { LogFollower } from '../service/log-follow';
import type { HandlerContext } from './context';
import { badRequest, respond, withRunId } from './respond';
import type { SseSource } from './sse';
import { frame, sseResponse } from './sse';

const ID = `:${RUN_ID_PARAM}` as const;
/** Most entries one chunk carries: a long backlog goes out chunk by chunk, as the reader reads. */
const CHUNK = 500;

/** The `Last-Event-ID` of a reconnect: null when absent, NaN when it is not a whole number. */
function lastEventId(request: Request): number | null {
  const raw = request.headers.get('last-event-id')?.trim() ?? '';
  if (raw === '') return null;
  return /^\d+$/.test(raw) ? Number(raw) : NaN;
}

export function streamHandlers({ base, sim, streams }: HandlerContext) {
  const subscribe = (wake: () => void) => sim().wakeups.subscribe(wake);

  /** The change feed from `cursor` on: `run`, `deleted` and `reset` events. */
  const changes = (from: number): SseSource => {
    let cursor = from;
    return {
      subscribe,
      pull: () => {
        const s = sim();
        s.reconcile();
        const since = s.feed.since(cursor, (datastoreId) => canView(s.user, datastoreId));
        cursor = s.feed.lastId;
        if (since.reset) return { text: frame({ id: cursor, event: 'reset', data: '{}' }) };
        const text = since.events
          .map((e) =>
            e.kind === 'reset'
              ? frame({ id: e.id, event: 'reset', data: '{}' })
              : frame({ id: e.id, event: e.kind, data: e.data }),
          )
          .join('');
        return text === '' ? null : { text };
      },
    };
  };

  /** One log's entries after the follower's cursor, then `complete` once the Run has ended. */
  const entries = (follower: LogFollower): SseSource => ({
    subscribe,
    pull: () => {
      sim().reconcile();
      const step = follower.next(CHUNK);
      switch (step.kind) {
        case 'entries':
          return {
            text: step.entries
              .map((e) => frame({ id: e.seq, event: 'entry', data: JSON.stringify(e) }))
              .join(''),
          };
        case 'complete': {
          const data = JSON.stringify({ next_after: step.nextAfter, total: step.total });
          return { text: frame({ id: step.nextAfter, event: 'complete', data }), done: true };
        }
        case 'gone':
          return { text: '', done: true };
        case 'idle':
          return null;
        default: {
          const exhaustive: never = step;
          return exhaustive;
        }
      }
    },
  });

  return [
    http.get(`${base}${paths.operationsStream}`, ({ request }) => {
      const resume = lastEventId(request);
      if (Number.isNaN(resume)) return badRequest('Last-Event-ID must be an event id');
      sim().reconcile();
      return sseResponse(request.signal, changes(resume ?? sim().feed.lastId), streams);
    }),

    http.get(
      `${base}${paths.logStream(ID)}`,
      withRunId((id, request) => {
        const params = new URL(request.url).searchParams;
        const parsed = parseLogsQuery(params);
        if (!parsed.ok) return badRequest(parsed.detail);
        if (parsed.query.kind !== 'after' || params.has('limit')) {
          return badRequest('A log stream takes container and after only');
        }
        const resume = lastEventId(request);
        if (Number.isNaN(resume)) return badRequest('Last-Event-ID must be a log seq');
        const { container, after } = parsed.query;
        const started = sim().followLog(id, container, resume ?? after);
        if (started.status !== 200) return respond(started);
        return sseResponse(request.signal, entries(started.body), streams);
      }),
    ),
  ];
}

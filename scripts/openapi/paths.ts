/**
 * The paths of the OpenAPI document: SPEC §3, the §3.1 extensions (log query forms, SSE streams,
 * idempotent relaunch) and the simulator's controls. Schemas come from the contract (blocks).
 */
import { CONCURRENCY_HOURS } from '../../src/api/contract';
import type { blocks as Blocks } from './document';

type Json = Record<string, unknown>;
type B = typeof Blocks;

export interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly description?: string;
  readonly required?: boolean;
  readonly schema: Json;
  readonly style?: 'form';
  readonly explode?: boolean;
}
export interface Operation {
  readonly summary: string;
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: Json;
  readonly responses: Json;
  /** The JSON error statuses it may answer (with `{ detail }`). */
  readonly errors?: readonly ('400' | '403' | '404' | '409')[];
}

const int = (minimum: number, maximum?: number): Json =>
  maximum === undefined ? { type: 'integer', minimum } : { type: 'integer', minimum, maximum };
const day: Json = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const bool: Json = { type: 'boolean' };
const query = (name: string, schema: Json, description?: string): Parameter => ({
  name,
  in: 'query',
  schema,
  ...(description ? { description } : {}),
});
const repeatable = (name: string, items: Json, description: string): Parameter => ({
  ...query(name, { type: 'array', items }, description),
  style: 'form',
  explode: true,
});
const runId: Parameter = { name: 'id', in: 'path', required: true, schema: int(0) };
const json = (schema: Json, description: string): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: Json): Json => ({
  required: true,
  content: { 'application/json': { schema } },
});
const events = (description: string): Json => ({
  description,
  content: { 'text/event-stream': { schema: { type: 'string' } } },
});
const lastEventId: Parameter = {
  name: 'Last-Event-ID',
  in: 'header',
  description: 'Resume after this event id (a reconnect)',
  schema: int(0),
};
const container = query('container', int(0), "A container's log instead of the Run-level log");

export function paths(b: B): Record<string, Record<string, Operation>> {
  const relaunch = (action: 'resume' | 'rerun'): Operation => ({
    summary: `${action === 'resume' ? 'Resume' : 'Rerun'} a Run: answers the new Run`,
    operationId: `${action}Run`,
    tags: ['runs'],
    parameters: [
      runId,
      {
        name: b.idempotencyHeader,
        in: 'header',
        description:
          'Extension: a key made once per click (1–255 visible ASCII characters); a repeat within 24 h answers the Run the first request created',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
      },
    ],
    responses: { '201': json(b.ref('Run'), 'The new Run') },
    errors: ['400', '403', '404', '409'],
  });

  return {
    '/operations': {
      get: {
        summary: 'A page of Runs',
        operationId: 'listRuns',
        tags: ['runs'],
        parameters: [
          query('page', int(1), '1-based'),
          query('size', int(1, b.maxPageSize)),
          repeatable('operation_type', { enum: b.operationTypes }, 'Repeatable or comma-separated'),
          repeatable('result', { enum: b.results }, 'Repeatable or comma-separated'),
          repeatable('datastore', int(0), 'Datastore ids, repeatable or comma-separated'),
          query('has_logs', bool),
          query('finished', bool),
          query('id', int(0), 'Exact Run id'),
          query('start_date', day, 'UTC day, YYYY-MM-DD'),
          query('end_date', day, 'UTC day, YYYY-MM-DD'),
          query('sort_created', { enum: b.sortOrders }),
          query('sort_duration', { enum: b.sortOrders }),
        ],
        responses: { '200': json(b.ref('RunPage'), '`{ items, total, page, size, pages }`') },
        errors: ['400'],
      },
    },
    '/operations/{id}': {
      get: {
        summary: 'One Run, with its containers and per-container results',
        operationId: 'getRun',
        tags: ['runs'],
        parameters: [runId],
        responses: { '200': json(b.ref('Run'), 'The Run') },
        errors: ['404'],
      },
      delete: {
        summary: 'Delete a terminal Run',
        operationId: 'deleteRun',
        tags: ['runs'],
        parameters: [runId],
        responses: { '204': { description: 'Deleted' } },
        errors: ['403', '404', '409'],
      },
    },
    '/operations/abort/{id}': {
      put: {
        summary: 'Abort a Run: answers the Run as it now is (also when it had already ended)',
        operationId: 'abortRun',
        tags: ['runs'],
        parameters: [runId],
        responses: { '200': json(b.ref('Run'), 'The Run as it now is') },
        errors: ['403', '404', '409'],
      },
    },
    '/operations/resume/{id}': { put: relaunch('resume') },
    '/operations/rerun/{id}': { put: relaunch('rerun') },
    '/operations/{id}/logs': {
      get: {
        summary:
          'One log: `after` (SPEC §3), or one of the extension forms `tail`, `before`, `line` (pages) or `q` (search, answering LogSearch)',
        operationId: 'getLogs',
        tags: ['logs'],
        parameters: [
          runId,
          container,
          query('after', int(0), 'Entries with seq > after (the default form, after=0)'),
          query('tail', int(1, b.maxLogTail), 'Extension: the newest N entries'),
          query('before', int(0), 'Extension: the entries just before this seq'),
          query('line', int(1), 'Extension: the entries from this line on'),
          query(
            'limit',
            int(1, b.maxLogLimit),
            `Extension: entries per page for after, before and line (${b.logPageLimit} when absent)`,
          ),
          query('q', { type: 'string', minLength: 1, maxLength: 200 }, 'Extension: search'),
        ],
        responses: {
          '200': json(
            { anyOf: [b.ref('LogPage'), b.ref('LogSearch')] },
            'A page of entries (LogPage), or with q the matching lines (LogSearch)',
          ),
        },
        errors: ['400', '404'],
      },
    },
    '/operations/{id}/logs/stream': {
      get: {
        summary:
          'Extension (SSE): `event: entry` per entry (id = seq, data = LogEntry), then `event: complete` (data = LogComplete) once the Run is terminal',
        operationId: 'streamLogs',
        tags: ['logs', 'extension'],
        parameters: [runId, container, query('after', int(0)), lastEventId],
        responses: { '200': events('Server-Sent Events, unbuffered; `: ping` after 10 s quiet') },
        errors: ['400', '403', '404'],
      },
    },
    '/operations/stream': {
      get: {
        summary:
          'Extension (SSE): the change feed: `event: run` (data = Run, list shape), `event: deleted` (data = RunDeleted), `event: reset`',
        operationId: 'streamRuns',
        tags: ['runs', 'extension'],
        parameters: [lastEventId],
        responses: { '200': events('Server-Sent Events, unbuffered; `: ping` after 10 s quiet') },
        errors: ['400'],
      },
    },
    '/operations/activity': {
      get: {
        summary: 'Runs per UTC day (the heatmap)',
        operationId: 'getActivity',
        tags: ['runs'],
        parameters: [query('start_date', day), query('end_date', day)],
        responses: { '200': json(b.ref('Activity'), '`[{ date, count }]`') },
        errors: ['400'],
      },
    },
    '/operations/concurrency': {
      get: {
        summary:
          'Extension: Runs Running (holding a worker; Promote holds none) and Queued, now and every 15 minutes over the last `hours`, with the worker limit',
        operationId: 'getConcurrency',
        tags: ['runs', 'extension'],
        parameters: [
          query(
            'hours',
            int(CONCURRENCY_HOURS.min, CONCURRENCY_HOURS.max),
            `How far back the samples go (default ${CONCURRENCY_HOURS.default}); one sample every 15 minutes, the last at the server's now`,
          ),
        ],
        responses: {
          '200': json(
            b.ref('Concurrency'),
            '`{ worker_limit, now: { running, queued }, samples }`',
          ),
        },
        errors: ['400'],
      },
    },
    '/operations/run': {
      post: {
        summary: 'Launch a Run',
        operationId: 'launchRun',
        tags: ['runs'],
        requestBody: body(b.ref('LaunchBody')),
        responses: { '201': json(b.ref('Run'), 'The new Run') },
        errors: ['400', '403'],
      },
    },
    '/datastores': {
      get: {
        summary: 'The datastores, for the filter',
        operationId: 'listDatastores',
        tags: ['runs'],
        responses: { '200': json(b.ref('Datastores'), '`[{ id, name, type }]`') },
      },
    },
    '/users/me': {
      get: {
        summary: 'The acting user',
        operationId: 'getMe',
        tags: ['runs'],
        responses: { '200': json(b.ref('User'), '`{ email, role, permissions }`') },
      },
    },
    '/__sim/reset': {
      post: {
        summary: `Start over in a scenario (${b.scenarios.join(', ')})`,
        operationId: 'simReset',
        tags: ['simulator'],
        requestBody: body(b.ref('SimReset')),
        responses: { '204': { description: 'Reset' } },
        errors: ['400'],
      },
    },
    '/__sim/clock': {
      get: {
        summary: "The simulator's clock",
        operationId: 'simClock',
        tags: ['simulator'],
        responses: { '200': json(b.ref('SimClock'), '`{ now, paused, speed }`') },
      },
      post: {
        summary: 'Advance, pause or speed the clock',
        operationId: 'simSetClock',
        tags: ['simulator'],
        requestBody: body(b.ref('SimClockBody')),
        responses: { '200': json(b.ref('SimClock'), '`{ now, paused, speed }`') },
        errors: ['400'],
      },
    },
    '/__sim/user': {
      put: {
        summary: 'Act as another user',
        operationId: 'simSetUser',
        tags: ['simulator'],
        requestBody: body(b.ref('SimUserBody')),
        responses: { '200': json(b.ref('User'), 'The user') },
        errors: ['400'],
      },
    },
    '/__sim/faults': {
      get: {
        summary: `Fault injection mode (${b.faultModes.join(', ')})`,
        operationId: 'simFaults',
        tags: ['simulator'],
        responses: { '200': json(b.ref('SimFaults'), '`{ mode }`') },
      },
      put: {
        summary: 'Set the fault injection mode',
        operationId: 'simSetFaults',
        tags: ['simulator'],
        requestBody: body(b.ref('SimFaults')),
        responses: { '200': json(b.ref('SimFaults'), '`{ mode }`') },
        errors: ['400'],
      },
    },
  };
}

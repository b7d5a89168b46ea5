/**
 * Reading a Run the way the dashboard can trust it, one field at a time against the contract's own
 * field schemas (`runWireSchema.shape`), so that one imperfect field or one imperfect Run never
 * takes the others down:
 * - a Run without a usable id, creation time or datastore cannot be shown: `invalid`, with what is
 *   wrong ("its id 9007199254740993 is beyond 2^53…");
 * - an operation type or state the dashboard does not know (a newer server) is shown as the server
 *   sent it, never guessed: `unrecognised` (known aliases map: `sync` is Sync);
 * - any other field that does not fit loses that field only, and says so in the Run's `issues`;
 *   counters that contradict each other are clamped and said so too.
 */
import { assertNever } from '../domain/assert-never';
import { operationTypeOf } from '../domain/operations';
import type { Run, UnrecognisedRun } from '../domain/run';
import { isRunState } from '../domain/states';
import { runWireSchema } from './contract';
import type { RunWire } from './contract';
import { ApiError, UnrecognisedRunError } from './errors';
import { toRun } from './map';

export type RunReading =
  | { readonly kind: 'run'; readonly run: Run }
  | { readonly kind: 'unrecognised'; readonly run: UnrecognisedRun }
  | { readonly kind: 'invalid'; readonly id: number | null; readonly problem: string };

const fields = runWireSchema.shape;
type Field = keyof typeof fields;

/** Fields without which a Run is not shown at all. */
const IDENTITY: readonly Field[] = ['id', 'type', 'result', 'created', 'datastore'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const quoted = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `“${text === undefined ? 'nothing' : text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
};

function readId(raw: Record<string, unknown>): { id: number | null; problem: string | null } {
  const value = raw.id;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    if (!Number.isSafeInteger(value)) {
      return { id: null, problem: `its id ${value} is beyond 2^53 and cannot be shown exactly` };
    }
    return { id: value, problem: null };
  }
  if (typeof value === 'string' && /^\d{1,15}$/.test(value))
    return { id: Number(value), problem: null };
  return {
    id: null,
    problem:
      value === undefined
        ? 'an item without an id'
        : `its id ${quoted(value)} is not a whole number`,
  };
}

export function readRun(raw: unknown): RunReading {
  if (!isRecord(raw)) return { kind: 'invalid', id: null, problem: 'an item that is not a Run' };
  const { id, problem } = readId(raw);
  if (id === null)
    return { kind: 'invalid', id: null, problem: problem ?? 'an item without an id' };
  if (!fields.created.safeParse(raw.created).success) {
    return {
      kind: 'invalid',
      id,
      problem: `its creation time ${quoted(raw.created)} is not a date`,
    };
  }
  if (!fields.datastore.safeParse(raw.datastore).success) {
    return {
      kind: 'invalid',
      id,
      problem: `its datastore ${quoted(raw.datastore)} cannot be read`,
    };
  }
  const typeText = typeof raw.type === 'string' ? raw.type : '';
  const stateText = typeof raw.result === 'string' ? raw.result : '';
  if (typeText === '') return { kind: 'invalid', id, problem: 'it has no operation type' };
  if (stateText === '') return { kind: 'invalid', id, problem: 'it has no state' };
  const type = operationTypeOf(typeText);
  const state = isRunState(stateText) ? stateText : null;
  if (type === null || state === null) {
    return { kind: 'unrecognised', run: unrecognised(raw, id, typeText, stateText, type, state) };
  }

  // Every other field on its own: one that does not fit is dropped and named.
  const issues: string[] = [];
  const wire: Record<string, unknown> = { ...raw, id, type, result: state };
  for (const field of Object.keys(fields) as Field[]) {
    if (IDENTITY.includes(field) || field === 'status') continue;
    const parsed = fields[field].safeParse(raw[field]);
    if (parsed.success) continue;
    issues.push(`${field} ${quoted(raw[field])} could not be read`);
    wire[field] = fallback(field);
  }
  wire.status = readStatus(raw.status, issues);
  return { kind: 'run', run: { ...toRun(wire as RunWire), issues } };
}

/** What a field that cannot be read becomes: absent, or the contract's empty value. */
function fallback(field: Field): unknown {
  switch (field) {
    case 'start_time':
    case 'end_time':
    case 'schedule':
    case 'message':
      return null;
    case 'triggered_by':
      return 'unknown';
    default:
      return undefined;
  }
}

const COUNT_KEYS = [
  'total_containers',
  'containers_analyzed',
  'records_processed',
  'anomalies_identified',
  'partitions_scanned',
  'fields_profiled',
  'checks_synchronized',
] as const;

/** The counters, each a whole number ≥ 0 (else 0, said); analyzed never above total (clamped, said). */
function readStatus(raw: unknown, issues: string[]): RunWire['status'] {
  const given = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) issues.push('status could not be read: its counters are shown as 0');
  const status: Record<string, number> = {};
  for (const key of COUNT_KEYS) {
    const value = given[key];
    const optional =
      key !== 'total_containers' && key !== 'containers_analyzed' && key !== 'records_processed';
    if (value === undefined && optional) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
      status[key] = value;
      continue;
    }
    status[key] = 0;
    if (isRecord(raw)) issues.push(`${key} ${quoted(value)} is not a count: shown as 0`);
  }
  const total = status.total_containers ?? 0;
  const analyzed = status.containers_analyzed ?? 0;
  if (analyzed > total) {
    issues.push(`the API reported ${analyzed} analyzed of ${total}: shown as ${total} of ${total}`);
    status.containers_analyzed = total;
  }
  return status as RunWire['status'];
}

function unrecognised(
  raw: Record<string, unknown>,
  id: number,
  typeText: string,
  stateText: string,
  type: UnrecognisedRun['type'],
  state: UnrecognisedRun['state'],
): UnrecognisedRun {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const datastore = isRecord(raw.datastore) ? text(raw.datastore.name) : null;
  return {
    id,
    type,
    state,
    typeText,
    stateText,
    createdAt: Date.parse(String(raw.created)),
    datastoreName: datastore,
    triggeredBy: text(raw.triggered_by),
    message: text(raw.message),
  };
}

/** An item of a page that is not shown as a Run, at its position in the page. */
export type RejectedRun =
  | { readonly index: number; readonly kind: 'unrecognised'; readonly run: UnrecognisedRun }
  | {
      readonly index: number;
      readonly kind: 'invalid';
      readonly id: number | null;
      readonly problem: string;
    };

/** A page's items: the Runs, and the others with their place. */
export function readRunPage(items: readonly unknown[]): {
  items: Run[];
  rejected: RejectedRun[];
} {
  const runs: Run[] = [];
  const rejected: RejectedRun[] = [];
  items.forEach((raw, index) => {
    const reading = readRun(raw);
    if (reading.kind === 'run') runs.push(reading.run);
    else rejected.push({ index, ...reading });
  });
  return { items: runs, rejected };
}

/** One Run answer (a Run, an action's answer): a Run, or the ApiError saying what it is. */
export function readOneRun(raw: unknown, url: string): Run {
  const reading = readRun(raw);
  switch (reading.kind) {
    case 'run':
      return reading.run;
    case 'unrecognised':
      throw new UnrecognisedRunError(reading.run, url);
    case 'invalid':
      throw new ApiError({
        kind: 'malformed',
        status: 200,
        detail: `The API's answer cannot be shown: ${reading.problem}`,
        method: 'GET',
        url,
      });
    default:
      return assertNever(reading, 'Run reading');
  }
}

/**
 * What `npm run contract:check` asks of a server (SPEC §3, §3.1; docs/api.md), read-only: shapes
 * against the contract's schemas, paging, filters, sorting, error bodies and the log cursor. An
 * extension the server does not offer is reported as absent, never as a failure.
 */
import type { LogPageWire, RunPageWire, RunWire } from '../../src/api/contract';
import {
  activitySchema,
  concurrencySchema,
  datastoresSchema,
  errorBodySchema,
  logPageSchema,
  logSearchSchema,
  runPageSchema,
  runWireSchema,
  userSchema,
} from '../../src/api/contract';
import type { Api } from './http';
import { CheckFailure, excerpt } from './http';

export type Outcome =
  | { readonly kind: 'pass'; readonly detail: string }
  | { readonly kind: 'fail'; readonly detail: string }
  | { readonly kind: 'absent'; readonly detail: string }
  | { readonly kind: 'skipped'; readonly detail: string };

export interface Check {
  readonly name: string;
  /** An extension of SPEC §3.1: absent is fine. */
  readonly extension: boolean;
  run(ctx: Context): Promise<Outcome>;
}

/** What earlier checks found, for the later ones. */
export interface Context {
  readonly api: Api;
  firstPage?: RunPageWire;
  withLogs?: RunWire;
}

const pass = (detail: string): Outcome => ({ kind: 'pass', detail });
const absent = (detail: string): Outcome => ({ kind: 'absent', detail });
const skipped = (detail: string): Outcome => ({ kind: 'skipped', detail });
function expect(ok: boolean, message: string): asserts ok {
  if (!ok) throw new CheckFailure(message);
}

async function errorAnswer(ctx: Context, path: string, status: number): Promise<string> {
  const answer = await ctx.api.get(path);
  expect(answer.status === status, `GET ${path} answered ${answer.status}, expected ${status}`);
  const parsed = errorBodySchema.safeParse(answer.json);
  expect(
    parsed.success && typeof parsed.data.detail === 'string',
    `GET ${path}: ${status} without the JSON error body { "detail": "…" }: ${excerpt(answer.text)}`,
  );
  return `${status} { detail: ${JSON.stringify(parsed.data.detail).slice(0, 60)} }`;
}

const page = (query: string) => `/operations?${query}`;
const ids = (runs: readonly RunWire[]) => runs.map((run) => run.id);

/** The first page's runs, or why there is nothing to check. */
function runsOf(ctx: Context): readonly RunWire[] {
  const items = ctx.firstPage?.items ?? [];
  if (items.length === 0)
    throw new CheckFailure('no Runs to check with (GET /operations is empty)');
  return items;
}

async function logPage(ctx: Context, query: string): Promise<{ run: RunWire; page: LogPageWire }> {
  const run = ctx.withLogs;
  if (!run) throw new CheckFailure('no Run with logs on the first page');
  return { run, page: await ctx.api.read(`/operations/${run.id}/logs?${query}`, logPageSchema) };
}

const check = (name: string, run: Check['run'], extension = false): Check => ({
  name,
  extension,
  run,
});

export const CHECKS: readonly Check[] = [
  check('GET /users/me', async (ctx) => {
    const user = await ctx.api.read('/users/me', userSchema);
    return pass(`${user.role}, ${Object.keys(user.permissions).length} datastore permissions`);
  }),
  check('GET /datastores', async (ctx) => {
    const datastores = await ctx.api.read('/datastores', datastoresSchema);
    return pass(`${datastores.length} datastores`);
  }),
  check('GET /operations: a page', async (ctx) => {
    const first = await ctx.api.read(page('page=1&size=5'), runPageSchema);
    ctx.firstPage = first;
    expect(first.page === 1 && first.size === 5, `page/size answered ${first.page}/${first.size}`);
    expect(first.items.length <= 5, `size=5 answered ${first.items.length} items`);
    expect(
      first.pages === Math.ceil(first.total / first.size),
      `pages ${first.pages} is not ceil(total ${first.total} / size ${first.size})`,
    );
    return pass(`${first.items.length} of ${first.total} Runs, ${first.pages} pages`);
  }),
  check('paging: page 2 follows page 1', async (ctx) => {
    const first = runsOf(ctx);
    if ((ctx.firstPage?.total ?? 0) <= 5) return skipped('5 Runs or fewer');
    const second = await ctx.api.read(page('page=2&size=5'), runPageSchema);
    const overlap = ids(second.items).filter((id) => ids(first).includes(id));
    expect(overlap.length === 0, `page 2 repeats Runs of page 1: ${overlap.join(', ')}`);
    return pass(`${second.items.length} other Runs`);
  }),
  check('filters: result and operation_type', async (ctx) => {
    const sample = runsOf(ctx)[0] as RunWire;
    const query = `result=${sample.result}&operation_type=${sample.type}&size=20`;
    const filtered = await ctx.api.read(page(query), runPageSchema);
    const wrong = filtered.items.filter(
      (run) => run.result !== sample.result || run.type !== sample.type,
    );
    expect(filtered.items.length > 0, `${query} answered no Runs, though #${sample.id} matches`);
    expect(wrong.length === 0, `${query} answered other Runs: ${ids(wrong).join(', ')}`);
    const one = await ctx.api.read(page(`id=${sample.id}`), runPageSchema);
    expect(
      ids(one.items).join() === String(sample.id),
      `id=${sample.id} answered ${ids(one.items).join(', ') || 'nothing'}`,
    );
    return pass(`${query}: ${filtered.total} Runs; id=${sample.id}: that Run`);
  }),
  check('filter: has_logs=true', async (ctx) => {
    const found = await ctx.api.read(page('has_logs=true&size=5'), runPageSchema);
    const wrong = found.items.filter((run) => run.has_logs === false);
    expect(
      wrong.length === 0,
      `has_logs=true answered Runs without logs: ${ids(wrong).join(', ')}`,
    );
    ctx.withLogs = found.items[0];
    return found.items[0]
      ? pass(`${found.total} Runs, e.g. #${found.items[0].id}`)
      : skipped('none');
  }),
  check('sorting: sort_created asc and desc', async (ctx) => {
    const times = async (order: string) =>
      (await ctx.api.read(page(`sort_created=${order}&size=20`), runPageSchema)).items.map((run) =>
        Date.parse(run.created),
      );
    const asc = await times('asc');
    const desc = await times('desc');
    const sorted = (list: number[], sign: number) =>
      list.every((t, i) => i === 0 || sign * (t - (list[i - 1] as number)) >= 0);
    expect(sorted(asc, 1), 'sort_created=asc is not oldest first');
    expect(sorted(desc, -1), 'sort_created=desc is not newest first');
    return pass(`${asc.length} Runs each way`);
  }),
  check('GET /operations/{id}', async (ctx) => {
    const sample = runsOf(ctx)[0] as RunWire;
    const run = await ctx.api.read(`/operations/${sample.id}`, runWireSchema);
    expect(run.id === sample.id, `asked for #${sample.id}, answered #${run.id}`);
    return pass(`#${run.id} ${run.type} ${run.result}`);
  }),
  check('errors: JSON bodies for 404 and 400', async (ctx) => {
    const missing = await errorAnswer(ctx, '/operations/2147483647', 404);
    await errorAnswer(ctx, page('size=100000'), 400);
    await errorAnswer(ctx, page('page=0'), 400);
    return pass(`unknown Run: ${missing}; size=100000, page=0: 400 with detail`);
  }),
  check('logs: a page and its cursor', async (ctx) => {
    const { run, page: all } = await logPage(ctx, 'after=0');
    const seqs = all.entries.map((entry) => entry.seq);
    expect(
      seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] as number)),
      `#${run.id}: entries are not in increasing seq order`,
    );
    expect(all.entries.length <= 1000, `after=0 answered ${all.entries.length} entries (> 1000)`);
    const next = await ctx.api.read(
      `/operations/${run.id}/logs?after=${all.next_after}`,
      logPageSchema,
    );
    const repeated = next.entries.filter((entry) => entry.seq <= all.next_after);
    expect(repeated.length === 0, `after=${all.next_after} answered entries again`);
    const middle = seqs[Math.floor(seqs.length / 2)];
    if (middle !== undefined) {
      const rest = await ctx.api.read(`/operations/${run.id}/logs?after=${middle}`, logPageSchema);
      expect(
        rest.entries.every((entry) => entry.seq > middle),
        `after=${middle} answered an entry with seq <= ${middle}`,
      );
    }
    return pass(`#${run.id}: ${all.entries.length} entries, next_after ${all.next_after}`);
  }),
  check(
    'activity (heatmap)',
    async (ctx) => {
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const now = Date.now();
      const path = `/operations/activity?start_date=${day(now - 364 * 86_400_000)}&end_date=${day(now)}`;
      if ((await ctx.api.get(path)).status === 404) return absent('404: the heatmap steps aside');
      const days = await ctx.api.read(path, activitySchema);
      return pass(`${days.length} days with Runs`);
    },
    true,
  ),
  check(
    'concurrency (running and queued)',
    async (ctx) => {
      const path = '/operations/concurrency?hours=24';
      if ((await ctx.api.get(path)).status === 404) return absent('404: the chart steps aside');
      const answer = await ctx.api.read(path, concurrencySchema);
      const times = answer.samples.map((sample) => Date.parse(sample.time));
      expect(
        times.every((time, i) => i === 0 || time > (times[i - 1] as number)),
        'samples are not oldest first',
      );
      const { running, queued } = answer.now;
      return pass(
        `now ${running} running, ${queued} queued (limit ${answer.worker_limit ?? 'not said'}); ${answer.samples.length} samples`,
      );
    },
    true,
  ),
  check(
    'Run fields: has_logs, queue_position, parent_id',
    async (ctx) => {
      const names = ['has_logs', 'queue_position', 'parent_id', 'aborted_by', 'relaunch'];
      const sent = names.filter((name) => runsOf(ctx).some((run) => name in run));
      if (sent.length === 0) return absent('none sent');
      return pass(sent.join(', '));
    },
    true,
  ),
  check('logs: tail', (ctx) => extensionForm(ctx, 'tail=3', 'tail'), true),
  check('logs: line', (ctx) => extensionForm(ctx, 'line=2&limit=2', 'line'), true),
  check(
    'logs: search (q)',
    async (ctx) => {
      const run = ctx.withLogs;
      if (!run) return skipped('no Run with logs');
      const answer = await ctx.api.get(`/operations/${run.id}/logs?q=e`);
      if (!logSearchSchema.safeParse(answer.json).success) return absent('q is ignored');
      const found = logSearchSchema.parse(answer.json);
      return pass(`${found.total_matches} matching lines of #${run.id}`);
    },
    true,
  ),
  check('stream: GET /operations/{id}/logs/stream', (ctx) => logStream(ctx), true),
  check(
    'stream: GET /operations/stream',
    async (ctx) => {
      const read = await ctx.api.stream('/operations/stream', () => true, 3_000);
      if (!read) return absent('404: the dashboard polls instead');
      expect(read.contentType.includes('text/event-stream'), `answered ${read.contentType}`);
      return pass('text/event-stream');
    },
    true,
  ),
];

/** `tail` and `line` are offered when the page holds what they ask for. */
async function extensionForm(ctx: Context, query: string, form: 'tail' | 'line'): Promise<Outcome> {
  const run = ctx.withLogs;
  if (!run) return skipped('no Run with logs');
  const all = await ctx.api.read(`/operations/${run.id}/logs?after=0`, logPageSchema);
  if (all.entries.length < 4) return skipped(`#${run.id} has fewer than 4 log lines`);
  const { page: answer } = await logPage(ctx, query);
  const got = answer.entries.map((entry) => entry.seq);
  const want =
    form === 'tail'
      ? all.entries.slice(-3).map((entry) => entry.seq)
      : all.entries.slice(1, 3).map((entry) => entry.seq);
  if (got.join() === all.entries.map((entry) => entry.seq).join() && all.entries.length > 3)
    return absent(`${form} is ignored`);
  expect(
    got.join() === want.join(),
    `${query} answered seqs ${got.join(', ')}, not ${want.join(', ')}`,
  );
  return pass(`#${run.id}: seqs ${got.join(', ')}`);
}

async function logStream(ctx: Context): Promise<Outcome> {
  const run = ctx.withLogs;
  if (!run) return skipped('no Run with logs');
  const read = await ctx.api.stream(`/operations/${run.id}/logs/stream`, (text) =>
    /^data:/m.test(text),
  );
  if (!read) return absent('404: the log tab reads pages instead');
  expect(read.contentType.includes('text/event-stream'), `answered ${read.contentType}`);
  const data = /^data: ?(.*)$/m.exec(read.text)?.[1];
  expect(data !== undefined, `#${run.id}: no event within 5 s`);
  return pass(`#${run.id}: first event ${excerpt(data).slice(0, 40)}`);
}

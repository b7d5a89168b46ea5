/**
 * Log text made from the line number alone (seeded): what a long Scan prints about its batches,
 * for the Run-level log and for the log of the container it reads. Mostly info, a few warnings
 * and errors; some lines carry markup (`<b>`, which a viewer shows as text) or ANSI colour escapes.
 * The templates are data (line-template.ts), so a search can tell which lines may match.
 */
import type { LogLevel } from '../../src/api/contract';
import type { LineSource } from '../engine/log-block';
import { formatCount } from '../engine/plan';
import { Random } from '../engine/random';
import type { LineTemplate, Slot } from './line-template';
import { line, render, verdict, withTag } from './line-template';

export interface LinesOf {
  readonly seed: number;
  readonly table: string;
  readonly datastore: string;
  /** When the lines begin (event-time windows count from here). */
  readonly start: number;
}

/** What one line's slots are drawn from: its own random source and where it is. */
interface Draw {
  readonly rng: Random;
  readonly line: number;
  readonly batch: number;
  readonly of: LinesOf;
}

type Part = Slot<Draw, LinesOf>;
type Template = LineTemplate<Draw, LinesOf>;
/** The templates of each level, with their weights. */
type Templates = Readonly<Record<LogLevel, readonly (readonly [number, Template])[]>>;

const DIGITS = '0123456789';
const RULES = ['not_null(customer_id)', 'unique(order_id)', 'between(amount, 0, 1e6)', 'freshness'];
const COLUMNS = ['customer_id', 'order_id', 'amount', 'currency', 'updated_at', 'status'];
/** Event-time windows move on five minutes every this many lines. */
const LINES_PER_WINDOW = 400;
const WINDOW_MS = 5 * 60_000;

const part = (alphabet: string, draw: (d: Draw) => string): Part => ({
  draw,
  alphabet: () => alphabet,
});
const count = (min: number, max: number) =>
  part(`${DIGITS},`, (d) => formatCount(d.rng.int(min, max)));
const int = (min: number, max: number) => part(DIGITS, (d) => String(d.rng.int(min, max)));
const pick = (items: readonly string[]) => part(items.join(''), (d) => d.rng.pick(items));
const batch = part(`${DIGITS},`, (d) => formatCount(d.batch));
const batchNumber = part(DIGITS, (d) => String(d.batch));
const offset = part(`${DIGITS},`, (d) => formatCount(d.batch * 1024 + d.rng.int(0, 1023)));
const hex = part(`${DIGITS}abcdef`, (d) => d.rng.int(0, 0xffffffff).toString(16).padStart(8, '0'));
const gib = part(`${DIGITS}.`, (d) => (1 + d.rng.next() * 2).toFixed(2));
const window = part(`${DIGITS}-:TZ to`, (d) => {
  const from = d.of.start + Math.floor(d.line / LINES_PER_WINDOW) * WINDOW_MS;
  const to = new Date(from + WINDOW_MS).toISOString().slice(11, 16);
  return `${new Date(from).toISOString().slice(0, 16)}Z to ${to}Z`;
});
const table: Part = {
  draw: (d) => d.of.table,
  alphabet: (of) => of.table,
  fixed: (of) => of.table,
};
const datastore: Part = {
  draw: (d) => d.of.datastore,
  alphabet: (of) => of.datastore,
  fixed: (of) => of.datastore,
};
const rule = pick(RULES);
const column = pick(COLUMNS);

const RUN_LEVEL: Templates = {
  info: [
    [
      6,
      line`Fetched batch ${batch} of ${table}: ${count(900, 1024)} rows (${count(180, 900)} KiB) in ${count(40, 900)} ms, source offset ${offset}`,
    ],
    [
      3,
      line`Checkpoint written for ${table} after batch ${batch}: offset ${offset}, ${int(1, 64)} MB of state in ${int(5, 90)} ms`,
    ],
    [
      6,
      line`Scanned batch ${batch} of ${table}: ${count(900, 1024)} records, ${int(0, 3)} anomalies, ${int(8, 40)} checks evaluated in ${int(30, 600)} ms`,
    ],
    [
      2,
      line`Worker heap ${gib} GiB of 4.00 GiB after batch ${batch}; garbage collection paused the worker for ${int(2, 80)} ms`,
    ],
    [
      2,
      line`Processed event-time window ${window} of ${table}: ${count(4_000, 9_000)} records in ${int(3, 12)} batches`,
    ],
    [
      1,
      line`Checked rule <b>${rule}</b> on batch ${batch} of ${table}: ${int(0, 4)} of ${count(900, 1024)} rows failed (threshold 0.1%)`,
    ],
  ],
  warning: [
    [
      2,
      withTag(
        'warning',
        line`Slow read of batch ${batch} of ${table}: ${count(2_001, 9_000)} ms against a threshold of 2,000 ms; reducing the batch size`,
      ),
    ],
    [
      1,
      line`Retrying batch ${batch} of ${table} after a read timeout of 30 s (attempt ${int(2, 5)} of 5, backing off ${int(1, 30)} s)`,
    ],
    [
      1,
      line`Batch ${batch} of ${table}: ${int(2, 90)} records could not be parsed and were skipped (first at offset ${offset})`,
    ],
  ],
  error: [
    [
      1,
      withTag(
        'error',
        line`Connection reset by peer while reading batch ${batch} of ${table}; reconnecting to ${datastore} in ${int(1, 9)} s`,
      ),
    ],
    [
      1,
      line`Rule <b>${rule}</b> could not be evaluated on batch ${batch} of ${table}: column "${column}" is missing from the batch`,
    ],
  ],
};

const CONTAINER: Templates = {
  info: [
    [
      3,
      line`Read ${count(900, 1024)} rows of ${table} for batch ${batch} in ${int(20, 700)} ms (${int(180, 900)} KiB, ${int(0, 40)} partitions pruned)`,
    ],
    [
      2,
      line`Query: SELECT * FROM "${table}" WHERE "_batch" = ${batchNumber} ORDER BY "_offset" LIMIT 1024`,
    ],
    [
      2,
      line`Profiled field "${column}" of ${table} in batch ${batch}: ${count(1, 1024)} distinct values, ${int(0, 40)} nulls, max length ${int(4, 64)}`,
    ],
  ],
  warning: [
    [
      1,
      withTag(
        'warning',
        line`${int(1, 9)} anomalies in batch ${batch} of ${table}: rule <b>${rule}</b> failed for ${int(1, 9)} rows`,
      ),
    ],
  ],
  error: [
    [
      1,
      withTag(
        'error',
        line`Batch ${batch} of ${table} was rejected: checksum mismatch at offset ${offset} (expected ${hex}, got ${hex})`,
      ),
    ],
  ],
};

/** A 32-bit hash of (seed, salt, line): the same line always draws the same numbers. */
function hash(seed: number, salt: number, n: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n, 0xc2b2ae35) ^ salt;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** About 0.5% errors and 3% warnings. */
function levelOf(h: number): LogLevel {
  const roll = h % 1000;
  return roll < 5 ? 'error' : roll < 35 ? 'warning' : 'info';
}

function source(of: LinesOf, salt: number, templates: Templates): LineSource {
  const weights = { info: 0, warning: 0, error: 0 };
  for (const level of ['info', 'warning', 'error'] as const) {
    for (const [weight] of templates[level]) weights[level] += weight;
  }
  /** The line's template, from its hash alone (the level from its low bits, then a weighted pick). */
  const choose = (h: number): Template => {
    const level = levelOf(h);
    const choices = templates[level];
    let roll = ((h >>> 12) / 0x100000) * weights[level];
    let index = 0;
    while (index < choices.length - 1 && (roll -= choices[index]?.[0] ?? 0) >= 0) index++;
    return (choices[index] as readonly [number, Template])[1];
  };
  const write = (n: number, h: number, template: Template) =>
    render(template, { rng: new Random(h), line: n, batch: Math.floor(n / 3) + 1, of });
  return {
    level: (n) => levelOf(hash(of.seed, salt, n)),
    message: (n) => {
      const h = hash(of.seed, salt, n);
      return write(n, h, choose(h));
    },
    matcher: (needle) => {
      const verdicts = new Map<Template, 'always' | 'never' | 'maybe'>();
      for (const level of ['info', 'warning', 'error'] as const) {
        for (const [, t] of templates[level]) verdicts.set(t, verdict(t, needle, of));
      }
      return (n, test) => {
        const h = hash(of.seed, salt, n);
        const template = choose(h);
        const found = verdicts.get(template);
        return found === 'always' || (found === 'maybe' && test(write(n, h, template)));
      };
    },
  };
}

/** What the worker prints in the Run-level log while it reads `table`. */
export const runLevelLines = (of: LinesOf): LineSource => source(of, 0x51, RUN_LEVEL);

/** What the worker prints in the log of the container `table`. */
export const containerLines = (of: LinesOf): LineSource => source(of, 0xc7, CONTAINER);

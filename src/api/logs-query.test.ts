/**
 * The log query of the contract (docs/api.md "Logs"): what `logsSearchParams` writes,
 * `parseLogsQuery` reads back; its defaults; and that a bad query is refused by name.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as contract from './contract';
import type { LogsQuery } from './contract';

const { LOG_PAGE_LIMIT, MAX_LOG_LIMIT, MAX_LOG_TAIL, logsSearchParams, parseLogsQuery } = contract;
const read = (search: string) => parseLogsQuery(new URLSearchParams(search));

test('no form means the first page after seq 0; container selects a log', () => {
  const after = { kind: 'after', after: 0, container: null } as const;
  const cases: [string, LogsQuery][] = [
    ['', { ...after, limit: LOG_PAGE_LIMIT }],
    ['container=1003&limit=5', { ...after, limit: 5, container: 1003 }],
    ['before=40', { kind: 'before', before: 40, limit: LOG_PAGE_LIMIT, container: null }],
  ];
  for (const [search, query] of cases) expect(read(search)).toEqual({ ok: true, query });
});

test('what the client writes, the server reads back', () => {
  const seq = fc.nat({ max: 5_000_000 });
  const limit = fc.integer({ min: 1, max: MAX_LOG_LIMIT });
  const container = fc.option(fc.nat({ max: 100_000 }), { nil: null });
  const query: fc.Arbitrary<LogsQuery> = fc.oneof(
    fc.record({ kind: fc.constant('after' as const), after: seq, limit, container }),
    fc.record({ kind: fc.constant('before' as const), before: seq, limit, container }),
    fc.record({
      kind: fc.constant('line' as const),
      line: fc.integer({ min: 1 }),
      limit,
      container,
    }),
    fc.record({
      kind: fc.constant('tail' as const),
      tail: fc.integer({ min: 1, max: MAX_LOG_TAIL }),
      container,
    }),
    fc.record({
      kind: fc.constant('search' as const),
      q: fc.string({ minLength: 1, maxLength: 200 }),
      container,
    }),
  );
  fc.assert(
    fc.property(query, (q) => {
      expect(parseLogsQuery(logsSearchParams(q))).toEqual({ ok: true, query: q });
    }),
  );
});

test('a bad query is refused, and the message names the parameter first', () => {
  const refusals: [string, RegExp][] = [
    ['after=1&before=2', /^before cannot be combined with after/],
    ['tail=0', /^tail must be/],
    ['tail=1001', /^tail must be/],
    ['limit=0', /^limit must be/],
    ['limit=10001', /^limit must be/],
    ['q=abc&limit=2', /^limit does not apply to q/],
    ['line=-1', /^line must be/],
    ['after=1e3', /^after must be/],
    ['container=x', /^container must be/],
    [`q=${'x'.repeat(201)}`, /^q must be/],
  ];
  for (const [search, detail] of refusals) {
    const parsed = read(search);
    expect(parsed.ok, search).toBe(false);
    if (!parsed.ok) expect(parsed.detail).toMatch(detail);
  }
});

import { expect, test } from 'vitest';
import { z } from 'zod/mini';
import {
  MAX_PAGE_SIZE,
  describeIssues,
  isDay,
  listRunsSearchParams,
  parseListRunsQuery,
} from './contract';

const parse = (search: string) => parseListRunsQuery(new URLSearchParams(search));

test('an empty list query means page 1 of 50, no filters', () => {
  expect(parse('')).toEqual({
    ok: true,
    query: { page: 1, size: 50, operation_type: [], result: [], datastore: [] },
  });
});

test('repeatable parameters may repeat or be comma-separated; unknown ones are ignored', () => {
  expect(
    parse('operation_type=scan,profile&operation_type=export&result=failure&datastore=1,2&x=1'),
  ).toEqual({
    ok: true,
    query: {
      page: 1,
      size: 50,
      operation_type: ['scan', 'profile', 'export'],
      result: ['failure'],
      datastore: [1, 2],
    },
  });
  expect(
    parse(
      'page=3&size=100&has_logs=true&finished=false&id=42&start_date=2026-11-01&end_date=2026-11-28&sort_duration=asc',
    ),
  ).toEqual({
    ok: true,
    query: {
      page: 3,
      size: MAX_PAGE_SIZE,
      operation_type: [],
      result: [],
      datastore: [],
      has_logs: true,
      finished: false,
      id: 42,
      start_date: '2026-11-01',
      end_date: '2026-11-28',
      sort_duration: 'asc',
    },
  });
});

test.each([
  ['page=0', 'page'],
  ['page=two', 'page'],
  ['size=0', 'size'],
  ['size=101', 'size'],
  ['size=-5', 'size'],
  ['operation_type=sync', 'operation_type.0'],
  ['result=queued,done', 'result.1'],
  ['datastore=sales', 'datastore.0'],
  ['has_logs=yes', 'has_logs'],
  ['finished=1', 'finished'],
  ['id=12abc', 'id'],
  ['start_date=2026-1-5', 'start_date'],
  ['start_date=2026-02-30', 'start_date'],
  ['end_date=2026-13-01', 'end_date'],
  ['sort_created=newest', 'sort_created'],
  ['sort_duration=DESC', 'sort_duration'],
])('%s is refused with a message naming %s', (search, param) => {
  const parsed = parse(search);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.detail).toMatch(new RegExp(`^${param.replace('.', '\\.')}: \\S`));
});

test('the client serialises a query the way the server reads it', () => {
  const params = listRunsSearchParams({
    page: 2,
    size: 25,
    operation_type: ['scan', 'promote'],
    result: ['queued', 'running'],
    datastore: [3],
    has_logs: false,
    sort_created: 'asc',
  });
  expect(params.toString()).toBe(
    'page=2&size=25&operation_type=scan&operation_type=promote&result=queued&result=running&datastore=3&has_logs=false&sort_created=asc',
  );
});

test('isDay accepts real calendar days only', () => {
  for (const day of ['2026-11-28', '2024-02-29', '2000-01-01']) expect(isDay(day)).toBe(true);
  for (const day of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-05', '28/11/2026', ''])
    expect(isDay(day)).toBe(false);
});

test('describeIssues names the path of at most three issues', () => {
  const schema = z.object({ a: z.number(), b: z.string(), c: z.boolean(), d: z.number() });
  const result = schema.safeParse({});
  expect(result.success).toBe(false);
  if (!result.success) {
    const text = describeIssues(result.error);
    expect(text.split('; ').map((part) => part.split(':')[0])).toEqual(['a', 'b', 'c']);
  }
  const top = z.string().safeParse(1);
  if (!top.success) expect(describeIssues(top.error)).toMatch(/^value: /);
});

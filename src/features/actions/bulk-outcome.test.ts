import { expect, test } from 'vitest';
import { makeRun } from '../../../test/run-fixture';
import { ApiError } from '../../api/errors';
import type { Run } from '../../domain/run';
import type { BulkItemOutcome } from './bulk-outcome';
import { bulkItemOutcome, bulkSummary } from './bulk-outcome';

const ME = 'ada@example.com';
const r = makeRun();

const rejected = (reason: unknown): PromiseSettledResult<Run | null> => ({
  status: 'rejected',
  reason,
});
const answered = (value: Run | null): PromiseSettledResult<Run | null> => ({
  status: 'fulfilled',
  value,
});
const apiError = (kind: ApiError['kind'], status: number, detail: string) =>
  new ApiError({ kind, status, detail, method: 'PUT', url: '/api/operations/abort/123' });

const said = (item: BulkItemOutcome) => [item.status, item.text, item.state];

test('bulk outcomes per Run and their summary', () => {
  const items: BulkItemOutcome[] = [
    bulkItemOutcome('abort', r, answered(makeRun({ state: 'aborted', abortedBy: ME })), ME),
    bulkItemOutcome('abort', r, answered(makeRun({ state: 'success' })), ME),
    bulkItemOutcome(
      'abort',
      r,
      rejected(apiError('http', 403, 'You need the Editor permission')),
      ME,
    ),
    bulkItemOutcome('abort', r, rejected(new Error('odd')), ME),
  ];
  expect(items.map((i) => [i.status, i.text])).toEqual([
    ['done', 'Done'],
    ['refused', 'Had already finished as Success'],
    ['refused', 'Refused (403): You need the Editor permission'],
    ['failed', 'Failed: odd'],
  ]);
  expect(bulkSummary('abort', items)).toBe('Aborted 1 of 4 Runs; 2 refused; 1 failed.');
  expect(bulkSummary('delete', [bulkItemOutcome('delete', r, answered(null), ME)])).toBe(
    'Deleted 1 of 1 Run.',
  );
});

test('each Abort answer, read as for one Run', () => {
  const abort = (answer: Run) => said(bulkItemOutcome('abort', r, answered(answer), ME));
  expect(abort(makeRun({ state: 'aborted', abortedBy: null }))).toEqual([
    'done',
    'Done',
    'aborted',
  ]);
  expect(abort(makeRun({ state: 'aborted', abortedBy: 'System' }))).toEqual([
    'refused',
    'Had already been aborted by System',
    'aborted',
  ]);
  expect(abort(makeRun({ state: 'queued' }))).toEqual([
    'done',
    'Abort requested; still Queued',
    'queued',
  ]);
  expect(abort(makeRun({ state: 'failure' }))).toEqual([
    'refused',
    'Had already finished as Failure',
    'failure',
  ]);
});

test('each failure, classified as for one Run', () => {
  const fail = (reason: unknown) => said(bulkItemOutcome('delete', r, rejected(reason), ME));
  expect(fail(apiError('http', 404, 'gone'))).toEqual([
    'refused',
    'Refused: it no longer exists',
    null,
  ]);
  expect(fail(apiError('http', 409, 'Run #123 is Running'))).toEqual([
    'refused',
    'Refused (409): Run #123 is Running',
    null,
  ]);
  expect(fail(apiError('network', 0, 'Cannot reach the API'))).toEqual([
    'failed',
    'Not sent: the API could not be reached',
    null,
  ]);
  // A 404 that is not the API's own answer says nothing of the Run: it may not have been sent.
  expect(
    fail(
      new ApiError({
        kind: 'http',
        status: 404,
        detail: 'x',
        method: 'DELETE',
        url: '/x',
        fromApi: false,
      }),
    ),
  ).toEqual(['failed', 'Not sent: the API could not be reached', null]);
  expect(fail(apiError('http', 500, 'boom'))).toEqual([
    'failed',
    'Failed: The API failed. boom',
    null,
  ]);
});

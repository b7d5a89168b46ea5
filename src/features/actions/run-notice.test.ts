import { expect, test } from 'vitest';
import { makeRun } from '../../../test/run-fixture';
import { ApiError } from '../../api/errors';
import type { Run } from '../../domain/run';
import { abortNotice, createdNotice, deletedNotice, errorNotice } from './run-notice';

const ME = 'ada@example.com';

function run(overrides: Partial<Run> = {}): Run {
  return makeRun({
    triggeredBy: ME,
    datastore: { id: 1, name: 'Sales Warehouse', type: 'postgresql' },
    children: [],
    ...overrides,
  });
}

const httpError = (status: number, detail: string) =>
  new ApiError({ kind: 'http', status, detail, method: 'PUT', url: '/api/operations/abort/123' });

test('Abort answered with the Run aborted by the acting user', () => {
  expect(abortNotice(run({ state: 'aborted', abortedBy: ME }), ME)).toEqual({
    tone: 'success',
    text: 'Run #123 was aborted by ada@example.com. Partial results are kept.',
    state: 'aborted',
    retry: null,
  });
});

test('Abort answered with a state the Run had already reached (the race)', () => {
  expect(abortNotice(run({ state: 'success' }), ME).text).toBe(
    'Run #123 had already finished as Success',
  );
  expect(abortNotice(run({ state: 'failure' }), ME)).toMatchObject({
    tone: 'info',
    text: 'Run #123 had already finished as Failure',
    state: 'failure',
  });
  expect(abortNotice(run({ state: 'aborted', abortedBy: 'System' }), ME).text).toBe(
    'Run #123 had already been aborted by System',
  );
});

test('Abort accepted but the Run is still active, or the server does not say who', () => {
  expect(abortNotice(run({ state: 'running' }), ME).text).toBe(
    'Abort requested: Run #123 is still Running and stops as soon as the worker notices',
  );
  expect(abortNotice(run({ state: 'aborted', abortedBy: undefined }), ME).text).toBe(
    'Run #123 is now Aborted. Partial results are kept.',
  );
});

test('created and deleted notices', () => {
  const parent = run({ state: 'failure' });
  const created = run({ id: 130, state: 'queued', progress: { processed: 0, total: 9 } });
  expect(createdNotice('resume', parent, created).text).toBe(
    'Created Run #130, resuming Run #123 over 9 tables',
  );
  expect(
    createdNotice('rerun', parent, run({ id: 131, progress: { processed: 0, total: 1 } })).text,
  ).toBe('Created Run #131, a rerun of Run #123 over 1 table');
  expect(deletedNotice(parent).text).toBe(
    'Run #123 was deleted. Anomalies and other artifacts it produced stay.',
  );
});

test('each error answer in words', () => {
  expect(errorNotice('delete', 123, httpError(409, 'Run #123 is Running: no'))).toEqual({
    tone: 'error',
    text: 'Could not delete Run #123: Run #123 is Running: no',
    state: null,
    retry: null,
  });
  expect(errorNotice('rerun', 123, httpError(404, 'gone'))).toMatchObject({
    text: 'Run #123 no longer exists',
    retry: null,
  });
  expect(errorNotice('abort', 123, httpError(403, 'Forbidden'))).toMatchObject({
    text: 'Not permitted: Forbidden (You need the Editor permission on this datastore)',
  });
  expect(errorNotice('abort', 123, httpError(500, 'boom'))).toMatchObject({
    text: 'Could not abort Run #123: The API failed. boom',
    retry: 'abort',
  });
  const network = new ApiError({
    kind: 'network',
    status: 0,
    detail: 'Cannot reach the API at /api',
    method: 'PUT',
    url: '/api/operations/resume/123',
  });
  expect(errorNotice('resume', 123, network)).toMatchObject({
    text: 'Could not reach the API to resume Run #123: no new Run is known to have been created. Cannot reach the API at /api',
    retry: 'resume',
  });
});

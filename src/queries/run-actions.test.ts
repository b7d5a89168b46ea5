import { expect, test } from 'vitest';
import { ApiError } from '../api/errors';
import { classifyActionError } from './run-actions';

const error = (kind: ApiError['kind'], status: number, fromApi = true) =>
  new ApiError({ kind, status, detail: 'x', method: 'PUT', url: '/api/x', fromApi });

test('a failed action means one thing, whoever reads it (cache, notice, bulk outcome)', () => {
  expect(classifyActionError(error('http', 409))).toBe('conflict');
  expect(classifyActionError(error('http', 404))).toBe('gone');
  expect(classifyActionError(error('http', 403))).toBe('permission');
  expect(classifyActionError(error('http', 500))).toBe('failed');
  expect(classifyActionError(error('malformed', 200))).toBe('failed');
  expect(classifyActionError(error('network', 0))).toBe('unreached');
  // A 404 that is not the API's own JSON error (a static server, a proxy) says nothing of the Run.
  expect(classifyActionError(error('http', 404, false))).toBe('unreached');
  expect(classifyActionError(new Error('bug'))).toBe('failed');
});

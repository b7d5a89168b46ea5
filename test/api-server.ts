/**
 * The msw/node server of the transport's tests (src/api/client*.test.ts), with handlers each test
 * writes: its address, the client pointed at it, a Run as the API sends it, and small helpers to
 * answer GET /operations/5 and to take the ApiError a call rejects with.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createApiClient } from '../src/api/client';
import type { RunWire } from '../src/api/contract';
import { ApiError } from '../src/api/errors';

export const BASE = 'http://api.test/api';
export const server = setupServer();

/** Listens for the tests of the calling file, with the handlers of each test dropped after it. */
export function serveDuringTests(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export const client = createApiClient({ baseUrl: BASE });

export const RUN: RunWire = {
  id: 5,
  type: 'scan',
  result: 'running',
  created: '2026-11-28T11:50:00.000Z',
  start_time: '2026-11-28T11:50:02.000Z',
  end_time: null,
  triggered_by: 'ada@example.com',
  schedule: null,
  datastore: { id: 1, name: 'Sales Warehouse', type: 'Snowflake' },
  message: null,
  tags: [],
  status: { total_containers: 14, containers_analyzed: 4, records_processed: 1200 },
};

/** The rejection of a call, which must be an ApiError. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Answers GET /operations/5 with this response. */
export function answerRun(response: () => Response | Promise<Response>) {
  server.use(http.get(`${BASE}/operations/5`, response));
}

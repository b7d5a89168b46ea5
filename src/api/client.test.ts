/**
 * The transport's own test, its failures: an HTTP error with or without a usable detail, network
 * down, an HTML or non-JSON answer, each as a typed ApiError with a human message. The requests
 * are in client.requests.test.ts, what the client makes of the answers it reads (a page failing
 * the contract, imperfect Runs, cancellation) in client.reading.test.ts. Runs in Node against
 * msw/node (test/api-server.ts) with handlers written here.
 */
import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { isApiError } from './errors';
import { BASE, answerRun, client, failure, serveDuringTests } from '../../test/api-server';

serveDuringTests();

// ---------------------------------------------------------------------------------------------
// Failures

test.each([
  [400, 'size: Too big: expected number to be <=100', 'The request was not accepted'],
  [403, 'You need the Editor permission on Sales Warehouse', 'Not permitted'],
  [404, 'Run #5 does not exist or was deleted', 'Not found'],
  [
    409,
    'Run #5 is Running: Delete is available once the Run has finished',
    'Not possible in the current state',
  ],
])('%i with a detail becomes an http ApiError with that detail', async (status, detail, title) => {
  answerRun(() => HttpResponse.json({ detail }, { status }));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    name: 'ApiError',
    kind: 'http',
    status,
    detail,
    title,
    fromApi: true,
    retryable: false,
    method: 'GET',
    url: `${BASE}/operations/5`,
  });
  expect(error.message).toBe(`GET ${BASE}/operations/5: ${detail}`);
  expect(isApiError(error)).toBe(true);
  expect(error.fromApi).toBe(true);
});

test('FastAPI-style validation details become one readable sentence naming the fields', async () => {
  answerRun(() =>
    HttpResponse.json(
      {
        detail: [
          {
            loc: ['query', 'size'],
            msg: 'ensure this value is less than or equal to 100',
            type: 'x',
          },
          { loc: ['body', 'datastore_id'], msg: 'field required', type: 'y' },
        ],
      },
      { status: 422 },
    ),
  );
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({ kind: 'http', status: 422, fromApi: true, retryable: false });
  expect(error.detail).toBe(
    'size: ensure this value is less than or equal to 100; datastore_id: field required',
  );
});

test('an error body without a usable detail still gives a human message', async () => {
  for (const body of [{ detail: null }, { detail: '' }, { detail: [] }]) {
    answerRun(() => HttpResponse.json(body, { status: 500 }));
    const error = await failure(client.getRun(5));
    expect(error).toMatchObject({ status: 500, fromApi: true, retryable: true });
    expect(error.detail, JSON.stringify(body)).toBe('The API answered 500 Internal Server Error');
  }
  answerRun(() => HttpResponse.json({ detail: { code: 'E42', reason: 'busy' } }, { status: 503 }));
  expect((await failure(client.getRun(5))).detail).toBe('{"code":"E42","reason":"busy"}');
  // JSON without `detail` is not the API's error shape: a proxy or gateway answered.
  for (const body of [{}, { message: 'Internal server error' }]) {
    answerRun(() => HttpResponse.json(body, { status: 500 }));
    const error = await failure(client.getRun(5));
    expect(error).toMatchObject({ status: 500, fromApi: false, title: 'Cannot reach the API' });
    expect(error.detail).toMatch(/the address answered 500 Internal Server Error/);
  }
});

test('a 5xx from the API can be retried', async () => {
  answerRun(() => HttpResponse.json({ detail: 'The worker pool is restarting' }, { status: 503 }));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'http',
    status: 503,
    detail: 'The worker pool is restarting',
    title: 'The API failed',
    fromApi: true,
    retryable: true,
  });
});

test('network down: a network ApiError with status 0 that names the API address', async () => {
  answerRun(() => HttpResponse.error());
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'network',
    status: 0,
    detail: `Cannot reach the API at ${BASE}`,
    title: 'Cannot reach the API',
    fromApi: false,
    retryable: true,
  });
  expect(error.fromApi).toBe(false);
});

test('an HTML page instead of JSON (a static server answering 200) is not the API', async () => {
  answerRun(() =>
    HttpResponse.html('<!doctype html><html><body><div id="root"></div></body></html>'),
  );
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'malformed',
    status: 200,
    title: 'Cannot reach the API',
    fromApi: false,
    retryable: true,
  });
  expect(error.detail).toBe(
    `Cannot reach the API at ${BASE}: it answered with an HTML page instead of JSON (is the API address configured?)`,
  );
  // Without a content type, the markup itself gives it away.
  answerRun(() => new HttpResponse('<html><body>Hello</body></html>', { status: 200 }));
  expect((await failure(client.getRun(5))).kind).toBe('malformed');
});

test('an HTML 404 or 502 page is reported as no API there, not as a missing Run', async () => {
  answerRun(() => HttpResponse.html('<html><h1>404 Not Found</h1></html>', { status: 404 }));
  const notFound = await failure(client.getRun(5));
  expect(notFound).toMatchObject({
    kind: 'http',
    status: 404,
    fromApi: false,
    title: 'Cannot reach the API',
    retryable: true,
  });
  expect(notFound.detail).toBe(
    `Cannot reach the API at ${BASE}: the address answered 404 Not Found with an HTML page (is the API address configured?)`,
  );
  answerRun(() => new HttpResponse('upstream connect error', { status: 502 }));
  const gateway = await failure(client.getRun(5));
  expect(gateway).toMatchObject({ status: 502, fromApi: false, title: 'Cannot reach the API' });
  expect(gateway.detail).toMatch(/answered 502 Bad Gateway with no JSON error/);
});

test('an answer that is not JSON at all is malformed', async () => {
  answerRun(() => HttpResponse.text('OK'));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'malformed',
    status: 200,
    detail: 'The API answered with something that is not JSON',
    title: 'The API gave an answer the dashboard cannot read',
    fromApi: true,
    retryable: true,
  });
});

/**
 * The bridge from node:http to MSW handlers, with handlers made here: event streams go out as they
 * are written (unbuffered, uncompressed), a stop ends them cleanly, a body that errors cuts the
 * connection, and the handlers' status and headers pass unchanged.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiBridge } from './api-bridge';
import { rawRequest } from './raw-request';

const encoder = new TextEncoder();
/** Resolved by the test once it has seen the first event: the second is written only then. */
let release: () => void = () => undefined;

const bridge = apiBridge([
  http.get('*/api/stream', () => {
    const second = new Promise<void>((resolve) => (release = resolve));
    return new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('id: 1\nevent: entry\ndata: {"seq":1}\n\n'));
          await second;
          controller.enqueue(encoder.encode('id: 2\nevent: entry\ndata: {"seq":2}\n\n'));
        },
      }),
      { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } },
    );
  }),
  http.get('*/api/broken', () => {
    let sent = false;
    return new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new Error('cut'));
          sent = true;
          controller.enqueue(encoder.encode('{"items": [1, 2'));
        },
      }),
      { headers: { 'Content-Type': 'application/json' } },
    );
  }),
  http.get('*/api/teapot', () =>
    HttpResponse.json({ detail: 'short and stout' }, { status: 418, headers: { 'X-Own': 'yes' } }),
  ),
]);
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => void bridge.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  bridge.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('an event stream is written as it comes: unbuffered, uncompressed, then ended by a stop', async () => {
  const events: string[] = [];
  let headers: Record<string, unknown> = {};
  const answer = rawRequest(
    port,
    '/api/stream',
    { headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'br, gzip' } },
    (response) => {
      headers = response.headers;
      response.on('data', (chunk: Buffer) => {
        events.push(chunk.toString());
        // The first event arrived while the second is not even written yet.
        if (events.length === 1) release();
        if (events.length === 2) bridge.close();
      });
    },
  );
  const { status, body } = await answer;
  expect(status).toBe(200);
  expect(headers).toMatchObject({
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
    'transfer-encoding': 'chunked',
  });
  expect(headers['content-encoding']).toBeUndefined();
  expect(events[0]).toBe('id: 1\nevent: entry\ndata: {"seq":1}\n\n');
  expect(body.toString()).toBe(
    'id: 1\nevent: entry\ndata: {"seq":1}\n\nid: 2\nevent: entry\ndata: {"seq":2}\n\n',
  );
});

test('a body that errors mid-answer cuts the connection after what was sent', async () => {
  const seen: Buffer[] = [];
  const error = await rawRequest(port, '/api/broken', {}, (response) => {
    response.on('data', (chunk: Buffer) => seen.push(chunk));
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(Buffer.concat(seen).toString()).toBe('{"items": [1, 2');
});

test("the handlers' own status and headers pass unchanged; an unknown path is a JSON 404", async () => {
  const teapot = await rawRequest(port, '/api/teapot');
  expect(teapot.status).toBe(418);
  expect(teapot.headers['x-own']).toBe('yes');
  expect(JSON.parse(teapot.body.toString())).toEqual({ detail: 'short and stout' });
  const missing = await rawRequest(port, '/api/nothing?x=1');
  expect(missing.status).toBe(404);
  expect(JSON.parse(missing.body.toString())).toEqual({
    detail: 'No such API endpoint: GET /api/nothing?x=1',
  });
});

/**
 * The nginx configuration's answers to bad input and its proxying (issue 13, "Bad input"): a
 * setting it refuses before nginx starts, an upstream that is down, a body over 1 MB, a path
 * traversal, a browser's own Authorization header, a stream passed on as it comes.
 */
import { expect, test } from '@playwright/test';
import { sha256Hex } from '../../../mocks/http/authorization-log';
import { rawRequest } from '../../../mocks/http/raw-request';
import type { Started } from './stack';
import { freePort, refusedStart, startDemo, startNginx } from './stack';

const TOKEN = 'proxy-journey-token';

let demo: Started;
let nginx: Started;

test.beforeAll(async () => {
  demo = await startDemo();
  nginx = await startNginx({ API_UPSTREAM: `${demo.url}/api/`, API_TOKEN: TOKEN });
});
test.afterAll(async () => {
  await nginx?.stop();
  await demo?.stop();
});

const REFUSED: [string, Record<string, string>, RegExp][] = [
  ['no API_UPSTREAM', { API_UPSTREAM: '' }, /API_UPSTREAM is not set/],
  [
    'an API_UPSTREAM without a scheme',
    { API_UPSTREAM: 'dq.example.com' },
    /has no scheme: write it as http:\/\/dq\.example\.com or https:\/\/dq\.example\.com/,
  ],
  ['another scheme', { API_UPSTREAM: 'ftp://dq.example.com' }, /unsupported scheme/],
  [
    'a path without its final slash',
    { API_UPSTREAM: 'https://dq.example.com/api' },
    /its path must end in "\/"/,
  ],
  [
    'a token with a newline',
    { API_UPSTREAM: 'https://dq.example.com', API_TOKEN: 'abc\n' },
    /API_TOKEN holds a line break/,
  ],
  [
    'a token with a quote',
    { API_UPSTREAM: 'https://dq.example.com', API_TOKEN: 'a"b' },
    /API_TOKEN is not a bearer token/,
  ],
  [
    'a port that is not one',
    { API_UPSTREAM: 'https://dq.example.com', LISTEN_PORT: '80a' },
    /LISTEN_PORT="80a" is not a port/,
  ],
  [
    'a folder without the build',
    { API_UPSTREAM: 'https://dq.example.com', STATIC_ROOT: '/nonexistent' },
    /holds no index\.html/,
  ],
];

for (const [what, settings, message] of REFUSED) {
  test(`refuses to start with ${what}, saying why`, async () => {
    const refused = await refusedStart(settings);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(message);
    // What it refused is never echoed back when it is the token.
    if (settings.API_TOKEN) expect(refused.output).not.toContain(settings.API_TOKEN.trim());
  });
}

test("nginx replaces the browser's own Authorization with the token", async () => {
  const before = (await (await fetch(`${demo.url}/__demo/authorization`)).json()) as {
    digests: Record<string, number>;
  };
  const answer = await fetch(`${nginx.url}/api/users/me`, {
    headers: { Authorization: 'Bearer forged' },
  });
  expect(answer.status).toBe(200);
  const after = (await (await fetch(`${demo.url}/__demo/authorization`)).json()) as {
    digests: Record<string, number>;
  };
  const ours = sha256Hex(`Bearer ${TOKEN}`);
  expect(Object.keys(after.digests)).toEqual([ours]);
  expect(after.digests[ours]).toBe((before.digests[ours] ?? 0) + 1);
});

test('a body over 1 MB is refused with a JSON error, before the API', async () => {
  const answer = await fetch(`${nginx.url}/api/operations/1/abort`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
  });
  expect(answer.status).toBe(413);
  expect(await answer.json()).toEqual({ detail: 'The request body is larger than 1 MB' });
});

test('path traversal, plain or encoded, gets a 400 or the app and never a file outside the build', async () => {
  for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc']) {
    const answer = await rawRequest(nginx.port, path);
    expect([400, 404], path).toContain(answer.status);
    expect(answer.body.toString(), path).not.toContain('root:');
  }
  // The rendered configuration (it holds the token) lives outside the served folder.
  for (const path of ['/conf.d/default.conf', '/nginx.conf', '/assets/x.js.map']) {
    const answer = await rawRequest(nginx.port, path);
    expect(answer.status, path).toBe(404);
  }
});

test('a route of the app is index.html; a missing file is a 404, not the app', async () => {
  const route = await fetch(`${nginx.url}/runs/42?tab=logs`);
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('<div id="root"></div>');
  expect((await fetch(`${nginx.url}/assets/missing-abc123.js`)).status).toBe(404);
});

test('the Runs stream comes through nginx event by event, not buffered', async () => {
  const stream = await fetch(`${nginx.url}/api/operations/stream`);
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  expect(stream.headers.get('content-encoding')).toBeNull();
  const reader = stream.body?.getReader();
  if (!reader) throw new Error('The stream answered without a body');
  // One change (the clock moved on) must arrive on its own, long before any buffer fills.
  const created = await fetch(`${nginx.url}/api/__sim/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advance_ms: 5 * 60_000 }),
  });
  expect(created.ok).toBe(true);
  let text = '';
  while (!text.includes('data:')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  await reader.cancel();
  expect(text).toContain('data:');
});

test('an upstream that is down: a JSON 502 that says so', async () => {
  const port = await freePort(); // nothing listens there
  const alone = await startNginx({ API_UPSTREAM: `http://127.0.0.1:${port}` });
  try {
    const answer = await fetch(`${alone.url}/api/operations`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({
      detail: 'The platform API behind this proxy does not answer (API_UPSTREAM)',
    });
  } finally {
    await alone.stop();
  }
});

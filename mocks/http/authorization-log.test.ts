/** The demo server's test-only record of the Authorization headers its API received. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AUTHORIZATION_LOG_PATH, sha256Hex } from './authorization-log';
import type { DemoServer } from './demo-server';
import { startDemoServer } from './demo-server';
import { rawRequest } from './raw-request';

const folder = mkdtempSync(join(tmpdir(), 'demo-auth-'));
const servers: DemoServer[] = [];
const start = async (recordAuthorization: boolean) => {
  const demo = await startDemoServer({
    port: 0,
    host: '127.0.0.1',
    dist: folder,
    recordAuthorization,
  });
  servers.push(demo);
  return demo;
};

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Runs Activity</title>\n');
});
afterAll(async () => {
  await Promise.all(servers.map((demo) => demo.close()));
  rmSync(folder, { recursive: true, force: true });
});

test('counts the headers the API received, as digests only', async () => {
  const demo = await start(true);
  const headers = { Authorization: 'Bearer abc' };
  await rawRequest(demo.port, '/api/datastores', { headers });
  await rawRequest(demo.port, '/api/users/me', { headers });
  await rawRequest(demo.port, '/api/datastores');
  await rawRequest(demo.port, '/index.html', { headers }); // not the API: not counted
  const answer = await rawRequest(demo.port, AUTHORIZATION_LOG_PATH);
  const body = answer.body.toString();
  expect(JSON.parse(body)).toEqual({
    requests: 3,
    without: 1,
    digests: { [sha256Hex('Bearer abc')]: 2 },
  });
  expect(body).not.toContain('abc');
});

test('off by default: the path is only the app', async () => {
  const demo = await start(false);
  const answer = await rawRequest(demo.port, AUTHORIZATION_LOG_PATH);
  expect(answer.headers['content-type']).toContain('text/html');
});

import { expect, test } from 'vitest';
import { readConfig } from './env';

test('the runtime configuration gives the API address, the simulator and the timeouts', () => {
  expect(
    readConfig(
      { apiBaseUrl: 'https://dq.example.com/api/', simulator: true, readTimeoutMs: 5_000 },
      false,
    ),
  ).toEqual({
    apiBaseUrl: 'https://dq.example.com/api',
    simulator: 'remote',
    timeouts: { readMs: 5_000, writeMs: 30_000 },
    problems: [],
  });
  expect(readConfig({}, false)).toMatchObject({ apiBaseUrl: '/api', simulator: 'off' });
  // The simulator in the browser is always the API of this origin.
  expect(readConfig({ apiBaseUrl: 'https://x/api' }, true)).toMatchObject({
    apiBaseUrl: '/api',
    simulator: 'in-browser',
  });
});

test('a token in runtime-config.js is refused, and the page is told to let the proxy add it', () => {
  const config = readConfig({ apiBaseUrl: '/api', apiToken: 'secret-123' }, false);
  expect(config.problems).toHaveLength(1);
  expect(config.problems[0]).toMatch(/apiToken: it was ignored.*reverse proxy add the API token/);
  expect(JSON.stringify(config)).not.toContain('secret-123');
});

test('an invalid configuration is said, not silently half-applied', () => {
  const config = readConfig({ apiBaseUrl: '', readTimeoutMs: 10 }, false);
  expect(config.apiBaseUrl).toBe('/api');
  expect(config.problems[0]).toMatch(/runtime-config.js is not valid and was ignored: apiBaseUrl/);
  expect(config.problems[0]).toMatch(/readTimeoutMs/);
});

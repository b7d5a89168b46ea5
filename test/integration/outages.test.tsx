/**
 * The dashboard when the API is imperfect (SPEC §4 "Outages heal by themselves", "Nothing waits
 * forever"), through the real routes, the app's own QueryClient (its retry and backoff policy) and
 * the real transport with its breaker. The API's failures are msw handlers placed before the
 * simulator's; a test's timeouts are the short ones of test/setup-config.ts (4 s).
 */
import { act, screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createQueryClient } from '../../src/app/query-client';
import { backend } from '../backend';
import { mockLogLayout } from '../log-layout';
import { renderApp } from '../render';

const LONG = { timeout: 12_000 };

/** The list endpoint fails as `fail` says while `down` is true, then the simulator answers. */
function listFails(fail: () => Response | Promise<Response>) {
  const state = { down: true, requests: 0 };
  backend.server.use(
    http.get('*/api/operations', () => {
      state.requests++;
      return state.down ? fail() : undefined;
    }),
  );
  return state;
}

test('the shell renders at once while the first answer is pending', async () => {
  backend.server.use(
    http.get('*/api/operations', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  );
  renderApp('/', createQueryClient());
  expect(await screen.findByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await screen.findByText('Loading runs…')).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
});

test('a first load that fails heals by itself when the API answers again, without a click', async () => {
  const api = listFails(() =>
    HttpResponse.json(
      { detail: 'The database is restarting' },
      { status: 503, headers: { 'Retry-After': '1' } },
    ),
  );
  renderApp('/', createQueryClient());
  expect(await screen.findByText('The database is restarting', {}, LONG)).toBeInTheDocument();
  expect(await screen.findByText(/Retrying( in \d+ s|…)/, {}, LONG)).toBeInTheDocument();
  api.down = false;
  const table = await screen.findByRole('table', { name: /^Runs/ }, LONG);
  expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
  expect(screen.queryByText('The database is restarting')).not.toBeInTheDocument();
});

test('a hanging API times out into a clear state, and the page recovers when it answers', async () => {
  const api = listFails(async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });
  renderApp('/', createQueryClient());
  expect(await screen.findAllByText(/did not answer within 4 s/, {}, LONG)).not.toHaveLength(0);
  // The banner says since when the API is unreachable, and offers to try now.
  const banner = await screen.findByText(/API unreachable since/, {}, LONG);
  expect(banner).toBeInTheDocument();
  api.down = false;
  const [retryNow] = screen.getAllByRole('button', { name: 'Retry now' });
  if (retryNow) await act(async () => retryNow.click());
  expect(await screen.findByRole('table', { name: /^Runs/ }, LONG)).toBeInTheDocument();
});

test('data on screen stays, marked stale with its age, while a refresh fails', async () => {
  const { user } = renderApp('/', createQueryClient());
  await screen.findByRole('table', { name: /^Runs/ }, LONG);
  listFails(() => HttpResponse.json({ detail: 'Upstream timeout' }, { status: 504 }));
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  expect(
    await screen.findByText(/could not be refreshed; showing the answer from/, {}, LONG),
  ).toBeInTheDocument();
  expect(screen.getByText(/^Stale: from/)).toBeInTheDocument();
  expect(screen.getByRole('table', { name: /^Runs/ })).toBeInTheDocument();
});

test('going offline is said at once and what is on screen stays; online asks again at once', async () => {
  renderApp('/', createQueryClient());
  const table = await screen.findByRole('table', { name: /^Runs/ }, LONG);
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });
  expect(await screen.findByText('You are offline')).toBeInTheDocument();
  expect(table).toBeInTheDocument();
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await expect.poll(() => screen.queryByText('You are offline')).toBeNull();
});

test('a 404 that is not the API’s own says the API cannot be reached, never "not found"', async () => {
  mockLogLayout();
  backend.server.use(
    http.get('*/api/operations/:id', () =>
      HttpResponse.html('<!doctype html><title>Not Found</title>', { status: 404 }),
    ),
  );
  renderApp('/runs/56', createQueryClient());
  expect(await screen.findAllByText(/Cannot reach the API at/, {}, LONG)).not.toHaveLength(0);
  expect(screen.queryByRole('heading', { name: /Run #56 (not found|was deleted)/ })).toBeNull();
  expect(screen.queryByText(/may have been deleted|no longer here/)).toBeNull();
});

test('the API’s own 404 for a Run is "not found", and it is not asked again', async () => {
  let asked = 0;
  backend.server.use(
    http.get('*/api/operations/:id', () => {
      asked++;
      return HttpResponse.json({ detail: 'Run #999 does not exist' }, { status: 404 });
    }),
  );
  renderApp('/runs/999', createQueryClient());
  expect(await screen.findByRole('heading', { name: 'Run #999 not found' }, LONG)).toBeVisible();
  expect(asked).toBe(1);
});

import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { renderApp } from '../render';

test('lists Runs from the simulator with their state as text', async () => {
  renderApp('/');
  const table = await screen.findByRole('table');
  expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
  expect(within(table).getAllByText('Running').length).toBeGreaterThan(0);
  expect(within(table).getAllByText('Queued').length).toBeGreaterThan(0);
});

test('an empty store shows no rows, not an error', async () => {
  resetBackend('empty');
  renderApp('/');
  expect(await screen.findByText('No runs yet')).toBeInTheDocument();
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('says plainly when the API cannot be reached', async () => {
  backend.server.use(http.get('*/api/operations', () => HttpResponse.error()));
  renderApp('/');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Cannot reach the API');
  expect(alert).toHaveTextContent(/Cannot reach the API at http:\/\/localhost:\d+\/api/);
});

test('an HTML page instead of JSON is reported as no API, not rendered', async () => {
  backend.server.use(
    http.get('*/api/operations', () =>
      HttpResponse.html('<!doctype html><html><body>app</body></html>'),
    ),
  );
  renderApp('/');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/answered with an HTML page instead of JSON/);
});

test('the clock moves Runs along: a queued Run starts once a worker frees up', async () => {
  const { user } = renderApp('/');
  const table = await screen.findByRole('table');
  // The newest Run waiting for a worker (on the first page: the list is newest first).
  const id = Math.max(
    ...[...sim.runs.values()].filter((r) => r.state === 'queued').map((r) => r.id),
  );
  const row = () =>
    within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }));
  expect(row()).toHaveTextContent('Queued');
  // Move the clock a minute at a time until a worker is free and picks the Run up.
  let minutes = 0;
  while (sim.runs.get(id)?.state === 'queued' && minutes < 120) {
    advanceClock(60_000);
    sim.reconcile();
    minutes++;
  }
  expect(sim.runs.get(id)?.state).toBe('running');
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await expect.poll(() => row()).toHaveTextContent('Running');

  // Hours later every Run has ended: nothing on the page is Queued or Running any more.
  advanceClock(6 * 60 * 60 * 1000);
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await expect.poll(() => within(table).queryByText('Queued')).toBeNull();
  expect(within(table).queryByText('Running')).not.toBeInTheDocument();
});

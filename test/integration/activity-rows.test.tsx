/**
 * The Activity page through the real route, the real client and the simulator (hand-driven clock):
 * each Run's row and details as the clock advances, the warning icon, container badges, rows
 * opened and selected, failed loads and refreshes, freshness and an empty simulator. The list, its
 * filters, sorting and paging are in activity.test.tsx; the shared helpers in test/activity-page.ts.
 */

import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { MINUTE, SLOW, badgeOf, dataRows, rowOf, setup } from '../activity-page';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { mockLogLayout } from '../log-layout';
import { currentUrl, renderApp } from '../render';

test('a Run goes Queued → Running → Success as the clock advances; badge, progress and duration follow', async () => {
  const { table, user } = await setup();
  await user.click(within(rowOf(table, 59)).getByRole('button', { name: 'Details of Run #59' }));
  const details = await screen.findByRole('article', { name: 'Export Run #59' });
  expect(details).toHaveTextContent('Position 1 in the queue, waiting for a free worker');
  expect(rowOf(table, 59)).toHaveTextContent('Queued for 5 minutes');

  advanceClock(30 * MINUTE);
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await expect.poll(() => badgeOf(rowOf(table, 59))).toBe('Running');
  const running = rowOf(table, 59);
  expect(running).toHaveTextContent(/Running for \d+ minutes?/);
  const progress = within(running).getByRole('progressbar', { name: 'Progress of Run #59' });
  expect(progress.getAttribute('aria-valuetext')).toMatch(/^\d+ \/ 14 Tables$/);
  await expect
    .poll(() => within(details).queryByText(/waiting for a free worker/))
    .not.toBeInTheDocument();

  advanceClock(6 * 60 * MINUTE);
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await expect.poll(() => badgeOf(rowOf(table, 59))).toBe('Success');
  const done = rowOf(table, 59);
  expect(done).toHaveTextContent(/Took \d+ (minutes?|hours?)/);
  expect(within(done).getByRole('progressbar')).toHaveAttribute('aria-valuetext', '14 / 14 Tables');
  await expect.poll(() => within(details).queryAllByText('Success').length).toBeGreaterThan(0);
});

test('the warning icon appears only on a Success with logs, with a tooltip on hover and focus', async () => {
  const { table, user } = await setup('/?has_logs=true&size=100');
  const rows = dataRows(table);
  const success = rows.filter((r) => badgeOf(r) === 'Success');
  const others = rows.filter((r) => badgeOf(r) !== 'Success');
  expect(success.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);
  for (const row of success) {
    expect(
      within(row).getByRole('img', { name: 'Warning: Completed with logs' }),
    ).toBeInTheDocument();
  }
  for (const row of others) {
    expect(within(row).queryByRole('img', { name: /Warning/ })).not.toBeInTheDocument();
  }

  const icon = within(success[0] as HTMLElement).getByRole('img', { name: /Warning/ });
  act(() => icon.focus());
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Warning: Completed with logs');
  await user.keyboard('{Escape}');
  await user.hover(
    within(success[1] ?? (success[0] as HTMLElement)).getByRole('img', { name: /Warning/ }),
  );
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Warning: Completed with logs');
});

test('Runs without logs never show the warning icon', async () => {
  const { table } = await setup('/?has_logs=false&size=100');
  expect(dataRows(table).length).toBeGreaterThan(0);
  expect(within(table).queryByRole('img', { name: /Warning/ })).not.toBeInTheDocument();
});

/** A Profile or Scan that ended in Success although one of its containers failed. */
function successWithFailedContainer(): { id: number; container: string } {
  for (const id of [...sim.runs.keys()].sort((a, b) => a - b)) {
    const answer = sim.getRun(id);
    if (answer.status !== 200 || answer.body.result !== 'success') continue;
    const results = answer.body.container_scans ?? answer.body.container_profiles ?? [];
    const failed = results.find((r) => r.result === 'failure');
    if (failed) return { id, container: failed.container.name };
  }
  throw new Error('The default scenario has no Success with a failed container');
}

test('a container Failure inside a Success Run shows both badges', async () => {
  const { id, container } = successWithFailedContainer();
  const { table } = await setup(`/?q=${id}&expanded=${id}`);
  expect(badgeOf(rowOf(table, id))).toBe('Success');
  expect(within(rowOf(table, id)).getByRole('img', { name: /Warning/ })).toBeInTheDocument();

  const details = await screen.findByRole('article', { name: new RegExp(`Run #${id}$`) });
  const results = await within(details).findByRole('table', { name: /of Run #/ });
  const failedRow = within(results).getByRole('row', { name: new RegExp(container) });
  expect(within(failedRow).getByText('Failure')).toBeInTheDocument();
  expect(within(details).getAllByText('Success').length).toBeGreaterThan(0);
});

test('Results lists the containers of an active Scan, started or not; Logs shows its log as text', async () => {
  mockLogLayout();
  const { user } = await setup('/?expanded=56');
  const details = await screen.findByRole('article', { name: 'Scan Run #56' });
  expect(within(details).getByText('Sales Warehouse')).toBeInTheDocument();
  expect(within(details).getByText('grace@example.com')).toBeInTheDocument();
  // The settings and summary have a tab of their own, after Results and Logs.
  await user.click(within(details).getByRole('tab', { name: 'Details' }));
  const settings = within(details).getByRole('tabpanel', { name: 'Details' });
  expect(within(settings).getByText('Max records analyzed per partition')).toBeInTheDocument();
  expect(within(settings).getByText('Anomalies identified')).toBeInTheDocument();

  await user.click(within(details).getByRole('tab', { name: 'Results' }));
  const results = await within(details).findByRole('table', { name: 'Tables of Run #56' });
  const rows = within(results).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(14);
  expect(within(results).getAllByText('Success').length).toBeGreaterThanOrEqual(7);
  expect(within(results).getAllByText('Not started').length).toBeGreaterThan(0);

  await user.click(within(details).getByRole('tab', { name: 'Logs' }));
  const log = await within(details).findByRole('region', { name: 'Run #56 log lines' });
  expect(await within(log).findByText(/Picked up by worker/)).toBeInTheDocument();
});

test('types without containers show the summary in Results, and no container badges', async () => {
  await setup('/?expanded=58');
  const details = await screen.findByRole('article', { name: 'Sync Run #58' });
  const panel = within(details).getByRole('tabpanel', { name: 'Results' });
  expect(panel).toHaveTextContent('Sync Runs report their work for the Run as a whole');
  expect(panel).toHaveTextContent(/Containers processed\d+ \/ 11 Containers/);
  expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  for (const state of ['Queued', 'Running', 'Success', 'Failure', 'Aborted']) {
    expect(within(panel).queryByText(state)).not.toBeInTheDocument();
  }
});

test('rows open by keyboard, several at once, and the open ones are kept in the URL', async () => {
  const { table, user, router } = await setup();
  const toggle56 = within(rowOf(table, 56)).getByRole('button', { name: 'Details of Run #56' });
  act(() => toggle56.focus());
  await user.keyboard('{Enter}');
  expect(toggle56).toHaveAttribute('aria-expanded', 'true');
  expect(currentUrl(router)).toBe('/?expanded=56');

  await user.click(within(rowOf(table, 57)).getByRole('button', { name: 'Details of Run #57' }));
  expect(currentUrl(router)).toBe('/?expanded=56,57');
  expect(await screen.findByRole('article', { name: 'Scan Run #56' })).toBeInTheDocument();
  expect(await screen.findByRole('article', { name: 'Profile Run #57' })).toBeInTheDocument();

  await user.click(toggle56);
  expect(toggle56).toHaveAttribute('aria-expanded', 'false');
  expect(currentUrl(router)).toBe('/?expanded=57');
  expect(screen.queryByRole('article', { name: 'Scan Run #56' })).not.toBeInTheDocument();
});

test('a failed load says what went wrong and Retry recovers, keeping the filters', async () => {
  backend.server.use(
    http.get('*/api/operations', () =>
      HttpResponse.json({ detail: 'The database is unavailable' }, { status: 503 }),
    ),
  );
  const { user, router } = renderApp('/?status=running');
  const alert = await screen.findByRole('alert', {}, SLOW);
  expect(alert).toHaveTextContent('The Runs could not be loaded');
  expect(alert).toHaveTextContent('The database is unavailable');
  expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument();

  backend.server.resetHandlers();
  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  const table = await screen.findByRole('table', { name: /^Runs/ });
  expect(
    dataRows(table)
      .map(badgeOf)
      .every((b) => b === 'Running'),
  ).toBe(true);
  expect(currentUrl(router)).toBe('/?status=running');
});

test('a failed refresh keeps the rows on screen and offers a retry', async () => {
  const { table, user, router } = await setup('/?status=running');
  const before = dataRows(table).length;
  backend.server.use(
    http.get('*/api/operations', () =>
      HttpResponse.json({ detail: 'Gateway timeout' }, { status: 504 }),
    ),
  );
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The Runs could not be refreshed');
  expect(dataRows(table)).toHaveLength(before);
  expect(currentUrl(router)).toBe('/?status=running');

  backend.server.resetHandlers();
  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  await expect.poll(() => screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('selects one Run, a range with Shift, the page, then every Run matching the filters', async () => {
  const { table, user } = await setup();
  await user.click(within(table).getByRole('checkbox', { name: 'Select Run #62' }));
  // The bar's code loads with the first selection.
  expect(await screen.findByText('1 selected')).toBeInTheDocument();

  await user.keyboard('{Shift>}');
  await user.click(within(table).getByRole('checkbox', { name: 'Select Run #58' }));
  await user.keyboard('{/Shift}');
  expect(screen.getByText('5 selected')).toBeInTheDocument();
  for (const id of [62, 61, 60, 59, 58]) {
    expect(within(table).getByRole('checkbox', { name: `Select Run #${id}` })).toBeChecked();
  }
  expect(within(table).getByRole('checkbox', { name: 'Select Run #57' })).not.toBeChecked();

  await user.click(within(table).getByRole('checkbox', { name: 'Select all Runs on this page' }));
  expect(screen.getByText('25 selected')).toBeInTheDocument();
  await user.click(
    screen.getByRole('button', { name: 'Select all 62 Runs matching these filters' }),
  );
  expect(
    await screen.findByText('All 62 Runs matching these filters selected'),
  ).toBeInTheDocument();
  // One wording for it: the bar says it, nothing else repeats it differently.
  expect(screen.getAllByText(/All 62 Runs matching these filters/)).toHaveLength(1);

  await user.click(screen.getByRole('button', { name: 'Clear selection' }));
  expect(screen.queryByText(/selected/)).not.toBeInTheDocument();
});

test('says how fresh the list is, and refreshes on demand', async () => {
  const { table, user } = await setup();
  expect(screen.getByText(/^Updated \d+ s ago$/)).toBeInTheDocument();
  advanceClock(20 * MINUTE);
  await user.click(screen.getByRole('button', { name: 'Refresh' }));
  await expect.poll(() => rowOf(table, 56).textContent).toMatch(/Running for 30 minutes|Took/);
});

test('an empty simulator says there are no Runs yet', async () => {
  resetBackend('empty');
  renderApp('/');
  expect(await screen.findByText('No runs yet', {}, SLOW)).toBeInTheDocument();
});

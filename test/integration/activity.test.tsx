/**
 * The Activity page through the real route, the real client and the simulator (hand-driven clock).
 */
import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { mockLogLayout } from '../log-layout';
import { currentUrl, renderApp } from '../render';

// Whole-app journeys in jsdom on a shared machine: give them room.

const SLOW = { timeout: 5_000 };
const MINUTE = 60_000;

async function setup(url = '/') {
  const view = renderApp(url);
  const table = await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  return { ...view, table };
}

/** The data rows of the Runs table (not the header, not the expanded details). */
function dataRows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryByRole('rowheader', { name: /^#\d+/ }) !== null);
}

function rowOf(table: HTMLElement, id: number) {
  const row = dataRows(table).find(
    (r) => within(r).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }) !== null,
  );
  if (!row) throw new Error(`No row for Run #${id}`);
  return row;
}

const badgeOf = (row: HTMLElement) =>
  within(row).getByText(/^(Queued|Running|Success|Failure|Aborted)$/).textContent;

test('lists Runs newest first with the columns of the spec', async () => {
  const { table } = await setup();
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  for (const name of ['ID', 'Type', 'Datastore', 'Status', 'Duration', 'Progress']) {
    expect(headers).toContain(name);
  }
  expect(headers).toEqual(expect.arrayContaining(['Triggered by', 'Schedule']));
  expect(headers.some((h) => h?.startsWith('Started'))).toBe(true);

  const rows = dataRows(table);
  expect(rows).toHaveLength(25);
  expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('#62');

  const scan = rowOf(table, 56);
  expect(scan).toHaveTextContent('Scan');
  expect(scan).toHaveTextContent('Sales Warehouse');
  expect(badgeOf(scan)).toBe('Running');
  expect(scan).toHaveTextContent('Running for 9 minutes');
  expect(scan).toHaveTextContent('7 / 14 Tables');
  expect(scan).toHaveTextContent('grace@example.com');
  expect(within(scan).getByRole('progressbar', { name: 'Progress of Run #56' })).toHaveAttribute(
    'aria-valuetext',
    '7 / 14 Tables',
  );
  expect(within(scan).getByRole('link', { name: '#56' })).toHaveAttribute('href', '/runs/56');

  const queued = rowOf(table, 59);
  expect(badgeOf(queued)).toBe('Queued');
  expect(queued).toHaveTextContent('Queued for 5 minutes');
  expect(queued).toHaveTextContent('0 / 14 Tables');
  expect(rowOf(table, 57)).toHaveTextContent('System');
});

test('filters change the rows and the URL; chips clear them one by one', async () => {
  const { table, user, router } = await setup();
  await user.click(screen.getByRole('button', { name: 'Status' }));
  await user.click(screen.getByRole('checkbox', { name: 'Failure' }));
  expect(currentUrl(router)).toBe('/?status=failure');
  await expect
    .poll(() => dataRows(table).map(badgeOf))
    .toSatisfy((badges: unknown[]) => badges.length > 0 && badges.every((b) => b === 'Failure'));

  await user.click(screen.getByRole('checkbox', { name: 'Aborted' }));
  expect(currentUrl(router)).toBe('/?status=failure,aborted');
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('checkbox', { name: 'Aborted' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Type' }));
  await user.click(screen.getByRole('checkbox', { name: 'Scan' }));
  expect(currentUrl(router)).toBe('/?type=scan&status=failure,aborted');
  await expect
    .poll(() => dataRows(table).map((r) => r.textContent))
    .toSatisfy(
      (rows: (string | null)[]) =>
        rows.length > 0 && rows.every((t) => t?.includes('Scan') && /Failure|Aborted/.test(t)),
    );

  const chips = screen.getByRole('list', { name: 'Active filters' });
  await user.click(within(chips).getByRole('button', { name: 'Remove filter Status: Failure' }));
  expect(currentUrl(router)).toBe('/?type=scan&status=aborted');
  await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
  expect(currentUrl(router)).toBe('/');
});

test('a shared URL restores the view: filters, chips and open Runs', async () => {
  const { table } = await setup('/?type=scan,profile&status=success&has_logs=true&expanded=51');
  const chips = screen.getByRole('list', { name: 'Active filters' });
  for (const chip of ['Type: Scan', 'Type: Profile', 'Status: Success', 'Has logs']) {
    expect(within(chips).getByText(chip)).toBeInTheDocument();
  }
  expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Has logs' })).toHaveValue('true');

  const rows = dataRows(table);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toHaveTextContent(/Scan|Profile/);
    expect(badgeOf(row)).toBe('Success');
  }
  expect(
    within(rowOf(table, 51)).getByRole('button', { name: 'Details of Run #51' }),
  ).toHaveAttribute('aria-expanded', 'true');
  expect(await screen.findByRole('heading', { name: 'Scan Run #51' })).toBeInTheDocument();
});

test('the address round-trips: a view built by clicking reopens the same from its URL', async () => {
  const first = await setup();
  await first.user.click(screen.getByRole('button', { name: 'Type' }));
  await first.user.click(screen.getByRole('checkbox', { name: 'Profile' }));
  await first.user.click(screen.getByRole('checkbox', { name: 'Scan' }));
  await first.user.selectOptions(screen.getByRole('combobox', { name: 'Has logs' }), 'false');
  await first.user.click(within(first.table).getByRole('button', { name: /Duration/ }));
  const url = currentUrl(first.router);
  expect(url).toBe('/?type=profile,scan&has_logs=false&sort=duration');
  await expect.poll(() => dataRows(first.table).length).toBeGreaterThan(0);
  const rows = dataRows(first.table).map((r) => within(r).getByRole('rowheader').textContent);
  first.unmount();

  const second = await setup(url);
  expect(currentUrl(second.router)).toBe(url);
  expect(screen.getByRole('button', { name: 'Type (2)' })).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Has logs' })).toHaveValue('false');
  expect(within(second.table).getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(dataRows(second.table).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
    rows,
  );
});

test('repeated params are read, invalid ones fall back to their defaults, and the URL is tidied', async () => {
  const { table, router } = await setup(
    '/?status=failure&status=aborted&type=bogus&page=-1&size=abc&sort=name&order=up&from=2026-02-30&expanded=x',
  );
  const badges = dataRows(table).map(badgeOf);
  expect(badges.length).toBeGreaterThan(0);
  expect(badges.every((b) => b === 'Failure' || b === 'Aborted')).toBe(true);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  await expect.poll(() => currentUrl(router)).toBe('/?status=failure,aborted');
});

test('sorts by duration or creation date from the column headers', async () => {
  const { table, user, router } = await setup();
  const started = within(table).getByRole('columnheader', { name: /Started/ });
  expect(started).toHaveAttribute('aria-sort', 'descending');

  await user.click(within(table).getByRole('button', { name: /Duration/ }));
  expect(currentUrl(router)).toBe('/?sort=duration');
  expect(within(table).getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(started).not.toHaveAttribute('aria-sort');

  await user.click(within(table).getByRole('button', { name: /Duration/ }));
  expect(currentUrl(router)).toBe('/?sort=duration&order=asc');
  // Shortest first: Queued Runs have not run at all yet.
  await expect.poll(() => badgeOf(dataRows(table)[0] as HTMLElement)).toBe('Queued');

  // Back to the creation date: newest first, then oldest first.
  await user.click(within(table).getByRole('button', { name: /Started/ }));
  expect(currentUrl(router)).toBe('/');
  await user.click(within(table).getByRole('button', { name: /Started/ }));
  expect(currentUrl(router)).toBe('/?order=asc');
  await expect
    .poll(() => within(dataRows(table)[0] as HTMLElement).getByRole('rowheader').textContent)
    .toBe('#1');
});

test('pages through the Runs on the server and changes the page size', async () => {
  const { table, user, router } = await setup();
  const pages = screen.getByRole('navigation', { name: 'Pages of Runs' });
  expect(pages).toHaveTextContent('1–25 of 62 runs');
  expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await user.click(within(pages).getByRole('button', { name: 'Next page' }));
  expect(currentUrl(router)).toBe('/?page=2');
  await expect.poll(() => pages.textContent).toContain('26–50 of 62 runs');
  expect(within(dataRows(table)[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('#35');

  await user.selectOptions(within(pages).getByRole('combobox', { name: 'Rows per page' }), '10');
  expect(currentUrl(router)).toBe('/?size=10');
  await expect.poll(() => dataRows(table)).toHaveLength(10);
});

test('finds one Run by its ID, and says so when the ID is not a number', async () => {
  const { table, user, router } = await setup();
  const search = screen.getByRole('searchbox', { name: 'Run ID' });
  await user.type(search, 'abc{Enter}');
  expect(await screen.findByRole('alert')).toHaveTextContent('A Run ID is a whole number');
  expect(currentUrl(router)).toBe('/');

  await user.clear(search);
  await user.type(search, '#51{Enter}');
  expect(currentUrl(router)).toBe('/?q=51');
  await expect.poll(() => dataRows(table).length).toBe(1);
  expect(rowOf(table, 51)).toBeInTheDocument();
});

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
  expect(within(details).getByText('Max records analyzed per partition')).toBeInTheDocument();
  expect(within(details).getByText('Anomalies identified')).toBeInTheDocument();

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

test('no matching Runs: says so, and Clear filters brings them back', async () => {
  const { user, router } = renderApp('/?q=9999&sort=duration');
  expect(await screen.findByText('No runs match these filters', {}, SLOW)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(currentUrl(router)).toBe('/?sort=duration');
  expect(await screen.findByRole('table', { name: /^Runs/ })).toBeInTheDocument();
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

test('the heatmap tells each day and its count, and filters the table to a day by click or Enter', async () => {
  const { table, user, router } = await setup();
  const heatmap = screen.getByRole('grid', { name: /Runs per day/ });
  const today = within(heatmap).getByRole('button', { name: 'Sat, Nov 28, 2026: 7 runs' });
  await user.click(today);
  expect(currentUrl(router)).toBe('/?from=2026-11-28&to=2026-11-28');
  expect(today).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => dataRows(table)).toHaveLength(7);
  const chips = screen.getByRole('list', { name: 'Active filters' });
  await user.click(
    within(chips).getByRole('button', { name: 'Remove filter Day: Sat, Nov 28, 2026' }),
  );
  expect(currentUrl(router)).toBe('/');

  // One tab stop; arrows move by day (up/down) and week (left/right).
  act(() => today.focus());
  await user.keyboard('{ArrowLeft}');
  expect(within(heatmap).getByRole('button', { name: 'Sat, Nov 21, 2026: 2 runs' })).toHaveFocus();
  await user.keyboard('{ArrowUp}{Enter}');
  expect(currentUrl(router)).toBe('/?from=2026-11-20&to=2026-11-20');
  expect(within(heatmap).getByRole('button', { name: 'Fri, Nov 20, 2026: 1 run' })).toHaveAttribute(
    'tabindex',
    '0',
  );
});

test('selects one Run, a range with Shift, the page, then every Run matching the filters', async () => {
  const { table, user } = await setup();
  await user.click(within(table).getByRole('checkbox', { name: 'Select Run #62' }));
  expect(screen.getByText('1 selected')).toBeInTheDocument();

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
  expect(screen.getByText(/All 62 Runs matching these filters are selected/)).toBeInTheDocument();

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

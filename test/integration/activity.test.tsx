/**
 * The Activity page through the real route, the real client and the simulator (hand-driven clock):
 * the Runs list, its columns, filters and the URL, sorting, paging, the ID search, the heatmap, and
 * no matching Runs. Each Run's row and details, selection and failures are in
 * activity-rows.test.tsx; the shared helpers in test/activity-page.ts.
 */

import { act, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { SLOW, badgeOf, dataRows, rowOf, setup } from '../activity-page';
import { currentUrl, renderApp } from '../render';

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

test('no matching Runs: says so, and Clear filters brings them back', async () => {
  const { user, router } = renderApp('/?q=9999&sort=duration');
  expect(await screen.findByText('No runs match these filters', {}, SLOW)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  expect(currentUrl(router)).toBe('/?sort=duration');
  expect(await screen.findByRole('table', { name: /^Runs/ })).toBeInTheDocument();
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

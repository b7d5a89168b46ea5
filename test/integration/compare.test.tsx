import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { sim } from '../backend';
import { mockLogLayout } from '../log-layout';
import { currentUrl, renderApp } from '../render';

/** The row whose header matches: the row that holds it among the table's rows. */
const row = (table: HTMLElement, name: RegExp | string) => {
  const header = within(table).getByRole('rowheader', { name });
  const found = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader') === header);
  if (!found) throw new Error(`No row for ${String(name)}`);
  return found;
};

test('a Resume beside the Run it resumed: facts, differences, deltas and containers', async () => {
  renderApp('/compare?a=27&b=54');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Compare Run #27 with Run #54' }),
  ).toBeInTheDocument();
  const header = await screen.findByRole('table', { name: 'Header facts of Run #27 and Run #54' });
  const state = row(header, /^State/);
  expect(within(state).getByText('Differs')).toBeInTheDocument();
  expect(state).toHaveTextContent(/Aborted.*Success/);
  expect(row(header, /^Created from/)).toHaveTextContent('Resumed from #27');
  expect(within(row(header, /^Type/)).queryByText('Differs')).not.toBeInTheDocument();

  const counters = screen.getByRole('table', { name: 'Counters of Run #27 and Run #54' });
  expect(
    within(counters)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Fact', 'Run #27', 'Run #54', 'Change']);
  const records = row(counters, /^Records processed/);
  expect(within(records).getAllByRole('cell').at(-1)?.textContent).toMatch(
    /^([+−][\d,]+|no change)$/,
  );

  const containers = screen.getByRole('table', { name: 'Containers of Run #27 and Run #54' });
  const names = within(containers)
    .getAllByRole('rowheader')
    .map((th) => th.textContent?.replace('Differs', ''));
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(names.length);
  expect(
    screen.getByRole('table', { name: 'Log lines by level of Run #27 and Run #54' }),
  ).toBeInTheDocument();
});

test('the Run page links to the comparison with the Run it resumed', async () => {
  mockLogLayout();
  const { user, router } = renderApp('/runs/54');
  await user.click(await screen.findByRole('link', { name: 'Compare with the Run it resumed' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Compare Run #27 with Run #54' }),
  ).toBeInTheDocument();
  expect(currentUrl(router)).toBe('/compare?a=27&b=54');
});

test('two Runs selected in the table compare from the bulk bar', async () => {
  const { user, router } = renderApp('/');
  const table = await screen.findByRole('table', { name: /^Runs/ }, { timeout: 15_000 });
  await user.click(within(table).getByRole('checkbox', { name: 'Select Run #62' }));
  expect(screen.queryByRole('link', { name: /^Compare/ })).not.toBeInTheDocument();
  await user.click(within(table).getByRole('checkbox', { name: 'Select Run #57' }));
  await user.click(await screen.findByRole('link', { name: 'Compare #57 with #62' }));
  expect(await screen.findByRole('note')).toHaveTextContent(
    /^Run #57 is a Profile and Run #62 an External Scan/,
  );
  expect(currentUrl(router)).toBe('/compare?a=57&b=62');
  expect(
    screen.getByRole('table', { name: 'Header facts of Run #57 and Run #62' }),
  ).toBeInTheDocument();
  expect(screen.queryByRole('table', { name: /^Settings/ })).not.toBeInTheDocument();
});

test('a Run that is gone says so', async () => {
  expect(sim.delete(35).status).toBe(204);
  renderApp('/compare?a=35&b=55');
  expect(await screen.findByRole('heading', { name: 'Run #35 is gone' })).toBeInTheDocument();
  expect(screen.getByText(/deleted, or never existed/)).toBeInTheDocument();
});

test('values that are not Run IDs are ignored and said; the picker asks for two', async () => {
  const { user, router } = renderApp('/compare?a=abc&b=54');
  const ignored = await screen.findByRole('list', {
    name: 'What the address asked for that was ignored',
  });
  expect(ignored).toHaveTextContent('Ignored a=abc: Run IDs are whole numbers.');
  expect(screen.getByRole('heading', { level: 1, name: 'Compare two Runs' })).toBeInTheDocument();
  const picker = screen.getByRole('form', { name: 'Runs to compare' });
  await user.click(within(picker).getByRole('button', { name: 'Compare' }));
  expect(within(picker).getByRole('alert')).toHaveTextContent('Enter two Run IDs');
  await user.type(within(picker).getByRole('textbox', { name: 'Run A' }), '51');
  await user.click(within(picker).getByRole('button', { name: 'Compare' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Compare Run #51 with Run #54' }),
  ).toBeInTheDocument();
  expect(currentUrl(router)).toBe('/compare?a=51&b=54');
});

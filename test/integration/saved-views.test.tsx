/**
 * Saved views of the Activity page (issue 14) through the whole app: save what is shown, list,
 * apply, rename, delete with Undo, copy the link; a default view opened at `/` (and said); a
 * reload keeps them; damaged or foreign stored data is ignored and said, never a crash.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { VIEWS_KEY } from '../../src/features/runs/views/default-view';
import { currentUrl, renderApp } from '../render';

const SLOW = { timeout: 15_000 };

async function openActivity(url = '/') {
  const view = renderApp(url);
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  return view;
}

/** Opens the saved views panel: its region. */
async function openPanel(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: /^Saved views/, expanded: false }));
  return screen.getByRole('region', { name: 'Saved views' });
}

const status = () => screen.getByRole('status', { name: 'Saved views news' });

/** Stores views as a person's earlier session (or another version of the app) left them. */
function storeViews(data: unknown) {
  localStorage.setItem(VIEWS_KEY, typeof data === 'string' ? data : JSON.stringify(data));
}

test('a view round trip: save, list, apply, rename, delete with Undo, copy its link', async () => {
  const { user, router } = await openActivity('/?status=failure&type=scan&sort=duration');
  const panel = await openPanel(user);
  expect(within(panel).getByText(/No saved views yet/)).toBeInTheDocument();
  await user.click(within(panel).getByRole('button', { name: 'Save view' }));
  expect(within(panel).getByRole('alert')).toHaveTextContent('Give the view a name.');
  await user.type(
    within(panel).getByRole('textbox', { name: 'Name of this view' }),
    'Failed scans{Enter}',
  );
  expect(status()).toHaveTextContent('Saved view “Failed scans”.');
  const list = within(panel).getByRole('list', { name: 'Your saved views' });
  const item = within(list).getByRole('listitem');
  expect(item).toHaveTextContent('Failed scans');
  expect(item).toHaveTextContent('Shown now');
  expect(item).toHaveTextContent('Status: Failure · Type: Scan · By duration, longest first');
  expect(screen.getByText('Showing view “Failed scans”')).toBeInTheDocument();

  // Elsewhere, then back to the view.
  await user.click(screen.getByRole('link', { name: 'Activity' }));
  await waitFor(() => expect(currentUrl(router)).toBe('/'));
  expect(screen.queryByText('Showing view “Failed scans”')).not.toBeInTheDocument();
  await user.click(within(panel).getByRole('button', { name: 'Apply view Failed scans' }));
  await waitFor(() => expect(currentUrl(router)).toBe('/?type=scan&status=failure&sort=duration'));
  expect(status()).toHaveTextContent('Applied view “Failed scans”.');

  // Rename: a taken name is refused, Escape cancels, Enter renames.
  await user.click(within(panel).getByRole('button', { name: 'Rename view Failed scans' }));
  const field = within(panel).getByRole('textbox', { name: 'New name for “Failed scans”' });
  expect(field).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(
    within(panel).getByRole('button', { name: 'Rename view Failed scans' }),
  ).toBeInTheDocument();
  await user.click(within(panel).getByRole('button', { name: 'Rename view Failed scans' }));
  await user.clear(within(panel).getByRole('textbox', { name: 'New name for “Failed scans”' }));
  await user.keyboard('Scan failures{Enter}');
  expect(status()).toHaveTextContent('Renamed view “Failed scans” to “Scan failures”.');

  // Copy its link: the Activity address of the view.
  await user.click(within(panel).getByRole('button', { name: 'Copy link to view Scan failures' }));
  expect(status()).toHaveTextContent('Copied the link to view “Scan failures”.');
  expect(await navigator.clipboard.readText()).toBe(
    `${window.location.origin}/?type=scan&status=failure&sort=duration`,
  );

  // Delete, and Undo.
  await user.click(within(panel).getByRole('button', { name: 'Delete view Scan failures' }));
  expect(status()).toHaveTextContent('Deleted view “Scan failures”.');
  expect(within(panel).queryByRole('list', { name: 'Your saved views' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(
    within(panel).getByRole('button', { name: 'Apply view Scan failures' }),
  ).toBeInTheDocument();
});

test('saving under a name that exists updates that view; density is part of a view', async () => {
  const { user, router } = await openActivity('/?status=failure');
  const panel = await openPanel(user);
  const name = within(panel).getByRole('textbox', { name: 'Name of this view' });
  await user.type(name, 'Mine{Enter}');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Density' }), 'Comfortable rows');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Has logs' }), 'Yes');
  await user.type(name, 'mine{Enter}');
  expect(status()).toHaveTextContent('Updated view “Mine” with what is shown now.');
  expect(within(panel).getAllByRole('listitem')).toHaveLength(1);

  await user.selectOptions(screen.getByRole('combobox', { name: 'Density' }), 'Compact rows');
  await user.click(screen.getByRole('link', { name: 'Activity' }));
  await user.click(within(panel).getByRole('button', { name: 'Apply view Mine' }));
  await waitFor(() => expect(currentUrl(router)).toBe('/?status=failure&has_logs=true'));
  expect(screen.getByRole('combobox', { name: 'Density' })).toHaveValue('comfortable');
});

test('the default view opens at / after a reload and says so; Clear filters then stays cleared', async () => {
  const first = await openActivity('/?type=external_scan');
  const panel = await openPanel(first.user);
  await first.user.type(
    within(panel).getByRole('textbox', { name: 'Name of this view' }),
    'External{Enter}',
  );
  await first.user.selectOptions(
    within(panel).getByRole('combobox', { name: 'Open Activity with' }),
    'External',
  );
  expect(status()).toHaveTextContent(
    'Activity now opens with “External” when its address has no settings.',
  );
  first.unmount();

  const { user, router } = await openActivity('/');
  expect(currentUrl(router)).toBe('/?type=external_scan');
  expect(screen.getByRole('note')).toHaveTextContent('Opened your default view “External”.');
  await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
  await waitFor(() => expect(currentUrl(router)).toBe('/'));
  expect(screen.queryByText('Opened your default view “External”.')).not.toBeInTheDocument();

  // An address with settings is what it says.
  const other = await openActivity('/?status=success');
  expect(currentUrl(other.router)).toBe('/?status=success');
});

test('damaged stored views are set aside and said; the page works and saving starts anew', async () => {
  storeViews('{"views": [oops');
  const { user } = await openActivity('/');
  expect(
    screen.getByText(/Your saved views could not be read: the stored data is damaged/),
  ).toBeInTheDocument();
  const panel = await openPanel(user);
  await user.type(
    within(panel).getByRole('textbox', { name: 'Name of this view' }),
    'Fresh{Enter}',
  );
  expect(within(panel).getByRole('button', { name: 'Apply view Fresh' })).toBeInTheDocument();
  expect(localStorage.getItem(`${VIEWS_KEY}.damaged`)).toBe('{"views": [oops');
  expect(screen.queryByText(/the stored data is damaged/)).not.toBeInTheDocument();
});

test('settings a view cannot have are ignored and said; unreadable entries are left out', async () => {
  storeViews({
    version: 1,
    views: [
      { id: 'a', name: 'Odd', search: 'status=failure&colour=red&type=bogus', density: 'huge' },
      { id: 'b', name: '' },
      'not a view',
    ],
    defaultId: 'a',
  });
  const { user, router } = await openActivity('/');
  // The default view opens, without what it cannot have.
  expect(currentUrl(router)).toBe('/?status=failure');
  const problems = screen.getByRole('list', { name: 'What could not be read of the saved views' });
  expect(
    within(problems)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    '2 saved views could not be read and are left out.',
    'View “Odd”: Ignored colour=red: not a setting of this page.',
    'View “Odd”: Ignored type=bogus.',
  ]);
  const panel = await openPanel(user);
  expect(within(panel).getByRole('listitem')).toHaveTextContent('Status: Failure · Newest first');
});

/**
 * The keyboard shortcuts through the real app: `?` lists them, `g a` / `g l` move between pages,
 * j/k move through the Runs and Enter opens the active one's details, nothing fires while typing
 * or behind a dialog, and they can be turned off (remembered).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { setShortcutsEnabled } from '../../src/lib/shortcuts';
import { currentUrl, renderApp } from '../render';

afterEach(() => setShortcutsEnabled(true));

test('? lists every shortcut; g l and g a move between the pages', async () => {
  const { user, router } = renderApp('/');
  await screen.findByRole('table', { name: /Runs/ });
  await user.keyboard('?');
  const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(within(dialog).getByRole('cell', { name: 'Go to Lifecycle' })).toBeVisible();
  // Keys inside the dialog stay there.
  await user.keyboard('gl');
  expect(currentUrl(router)).toBe('/');
  await user.keyboard('{Escape}');
  expect(dialog).not.toBeInTheDocument();

  await user.keyboard('gl');
  expect(await screen.findByRole('heading', { level: 1, name: 'Run lifecycle' })).toBeVisible();
  expect(currentUrl(router)).toBe('/lifecycle');
  await user.keyboard('ga');
  await screen.findByRole('table', { name: /Runs/ });
  expect(currentUrl(router)).toBe('/');
});

test('j and k move the active Run, Enter shows its details; typing in a field is only typing', async () => {
  const { user } = renderApp('/');
  const table = await screen.findByRole('table', { name: /Runs/ });
  const links = () => within(table).getAllByRole('link', { name: /^#\d+$/ });
  await user.keyboard('j');
  await waitFor(() => expect(links()[1]).toHaveFocus());
  await user.keyboard('k');
  await waitFor(() => expect(links()[0]).toHaveFocus());
  const first = links()[0]?.textContent ?? '';
  fireEvent.keyDown(document.body, { key: 'Enter' });
  expect(
    await screen.findByRole('button', { name: `Details of Run ${first}`, expanded: true }),
  ).toBeVisible();

  const search = screen.getByRole('searchbox', { name: /Run ID/ });
  await user.click(search);
  await user.keyboard('gl');
  expect(search).toHaveValue('gl');
  expect(
    screen.queryByRole('heading', { level: 1, name: 'Run lifecycle' }),
  ).not.toBeInTheDocument();
});

test('Enter on a disclosure opens the disclosure, not the active Run', async () => {
  const { user } = renderApp('/');
  const table = await screen.findByRole('table', { name: /Runs/ });
  await user.keyboard('j');
  const active = within(table).getAllByRole('link', { name: /^#\d+$/ })[1]?.textContent ?? '';
  const samples = await screen.findByText('Samples by hour');
  samples.focus();
  // Not cancelled: the browser opens the disclosure (jsdom does not, so the event tells).
  expect(fireEvent.keyDown(samples, { key: 'Enter' })).toBe(true);
  expect(
    screen.queryByRole('button', { name: `Details of Run ${active}`, expanded: true }),
  ).not.toBeInTheDocument();
});

test('turned off, no single key acts, and the choice is remembered', async () => {
  const { user } = renderApp('/');
  await screen.findByRole('table', { name: /Runs/ });
  await user.click(screen.getByRole('button', { name: 'Shortcuts' }));
  const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
  await user.click(within(dialog).getByRole('checkbox', { name: 'Use keyboard shortcuts' }));
  expect(localStorage.getItem('runs-dashboard.shortcuts')).toBe('off');
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  await user.keyboard('?');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  await user.keyboard('gl');
  expect(
    screen.queryByRole('heading', { level: 1, name: 'Run lifecycle' }),
  ).not.toBeInTheDocument();
});

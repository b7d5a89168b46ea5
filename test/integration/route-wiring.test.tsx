/**
 * How the routes compose the features: an action's outcome moves the person where the route says
 * (to the Run a Resume or Rerun created; off the page of a Run just deleted), through the real
 * routes, the real client and the simulator.
 */
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { terminalRun } from '../actions-harness';
import { sim } from '../backend';
import { mockLogLayout } from '../log-layout';
import { currentUrl, renderApp } from '../render';

async function act(
  action: 'Resume' | 'Rerun' | 'Delete',
  id: number,
  user: ReturnType<typeof renderApp>['user'],
) {
  const group = await screen.findByRole('group', { name: `Actions for Run #${id}` });
  await user.click(within(group).getByRole('button', { name: action }));
  const dialog = await screen.findByRole('dialog', { name: `${action} Run #${id}?` });
  await user.click(within(dialog).getByRole('button', { name: `${action} Run #${id}` }));
}

test('a Resume on the Run page takes the person to the Run it created', async () => {
  mockLogLayout();
  const parent = terminalRun('scan', 'failure', true);
  const { user, router } = renderApp(`/runs/${parent}`);
  await act('Resume', parent, user);
  const created = Math.max(...sim.runs.keys());
  expect(sim.runs.get(created)?.parentId).toBe(parent);
  expect(
    await screen.findByRole('heading', { level: 1, name: `Scan Run #${created}` }),
  ).toBeVisible();
  expect(currentUrl(router)).toBe(`/runs/${created}`);
  expect(screen.getByText(`Resumed from`)).toBeInTheDocument();
});

test('a Rerun from an expanded row on Activity takes the person to the new Run', async () => {
  mockLogLayout();
  const parent = terminalRun('profile', 'success');
  const { user, router } = renderApp(`/?q=${parent}&expanded=${parent}`);
  await act('Rerun', parent, user);
  const created = Math.max(...sim.runs.keys());
  expect(
    await screen.findByRole('heading', { level: 1, name: `Profile Run #${created}` }),
  ).toBeVisible();
  expect(currentUrl(router)).toBe(`/runs/${created}`);
});

test('a Delete on the Run page leaves it for Activity, where the Run is gone', async () => {
  mockLogLayout();
  const id = terminalRun('export', 'success');
  const { user, router } = renderApp(`/runs/${id}`);
  await act('Delete', id, user);
  expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  expect(currentUrl(router)).toBe('/');
  expect(sim.runs.has(id)).toBe(false);
  const table = await screen.findByRole('table', { name: /^Runs/ });
  expect(within(table).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) })).toBeNull();
});

test('a Delete inside an expanded row keeps the person on Activity, without the Run', async () => {
  mockLogLayout();
  const id = terminalRun('export', 'failure');
  const { user, router } = renderApp(`/?q=${id}&expanded=${id}`);
  await act('Delete', id, user);
  // The view was filtered to that Run: now nothing matches, and the person is still on Activity.
  expect(await screen.findByText('No runs match these filters')).toBeVisible();
  expect(currentUrl(router)).toBe(`/?q=${id}&expanded=${id}`);
  expect(sim.runs.has(id)).toBe(false);
  expect(screen.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
});

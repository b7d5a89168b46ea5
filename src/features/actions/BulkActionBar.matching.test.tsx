/**
 * The bulk bar over "all matching": every page of the Runs matching the filters is fetched
 * before anything is counted, and the action applies to the eligible ones among all of them.
 */
import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import type { ListRunsQuery } from '../../api/contract';
import { api } from '../../api/instance';
import { SelectingRuns } from '../../../test/actions-harness';
import { resetBackend, sim } from '../../../test/backend';
import { renderWithClient } from '../../../test/render-with-client';

test('"all matching" fetches every page of matching Runs before counting', async () => {
  resetBackend('busy');
  const query: ListRunsQuery = {
    page: 1,
    size: 50,
    operation_type: ['export'],
    result: ['failure'],
  };
  const first = await api.listRuns(query);
  expect(first.total).toBeGreaterThan(100); // more than one page of 100
  const onClear = vi.fn();
  renderWithClient(
    <SelectingRuns
      initial={first.items}
      allMatching
      query={query}
      total={first.total}
      onClear={onClear}
    />,
  );
  expect(
    await screen.findByText(`All ${first.total} Runs matching these filters selected`),
  ).toBeVisible();
  expect(
    await screen.findByRole('button', {
      name: `Delete ${first.total} of ${first.total} selected`,
    }),
  ).toBeVisible();
  expect(screen.getByText(/^No selected Run can be aborted/)).toBeVisible();
});

test('"all matching" with running Runs counts the eligible ones among all of them', async () => {
  const query: ListRunsQuery = { page: 1, size: 2, result: ['running', 'queued', 'success'] };
  const first = await api.listRuns(query);
  const active = [...sim.runs.values()].filter(
    (r) => r.state === 'running' || r.state === 'queued',
  ).length;
  const { user } = renderWithClient(
    <SelectingRuns
      initial={first.items}
      allMatching
      query={query}
      total={first.total}
      onClear={() => undefined}
    />,
  );
  const abort = await screen.findByRole('button', {
    name: `Abort ${active} of ${first.total} selected`,
  });
  await user.click(abort);
  const dialog = await screen.findByRole('dialog', { name: `Abort ${active} Runs?` });
  expect(
    within(within(dialog).getByRole('list', { name: 'Runs to abort' })).getAllByRole('listitem'),
  ).toHaveLength(active);
  await user.click(within(dialog).getByRole('button', { name: `Abort ${active} Runs` }));
  expect(await screen.findByText(`Aborted ${active} of ${active} Runs.`)).toBeVisible();
  expect(
    [...sim.runs.values()].filter((r) => r.state === 'running' || r.state === 'queued'),
  ).toEqual([]);
});

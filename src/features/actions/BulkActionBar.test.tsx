/**
 * The bulk bar over the simulated backend: counts of eligible Runs, the confirmation, per-Run
 * outcomes (including Runs that finished, were aborted or deleted meanwhile, and refusals), and
 * one request per Run even on a double click. "All matching" is in BulkActionBar.matching.test.tsx.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import type { ListRunsQuery } from '../../api/contract';
import { api } from '../../api/instance';
import {
  ListedRuns,
  SelectingRuns,
  setActingUser,
  terminalRun,
} from '../../../test/actions-harness';
import { advanceClock, backend, sim } from '../../../test/backend';
import { renderWithClient } from '../../../test/render-with-client';

const DEFAULT_QUERY: ListRunsQuery = { page: 1, size: 100 };

async function setup(ids: readonly number[], options: { list?: boolean } = {}) {
  const page = await api.listRuns(DEFAULT_QUERY);
  const runs = ids.map((id) => {
    const run = page.items.find((r) => r.id === id);
    if (!run) throw new Error(`Run #${id} is not listed`);
    return run;
  });
  const onClear = vi.fn();
  const view = renderWithClient(
    <>
      <SelectingRuns initial={runs} total={page.total} onClear={onClear} />
      {options.list ? <ListedRuns /> : null}
    </>,
  );
  const bar = () => screen.getByRole('region', { name: 'Bulk actions' });
  return { ...view, onClear, bar };
}

function outcomes(): string[] {
  const list = screen.getByRole('list', { name: 'Outcome per Run' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

test('the buttons count only the selected Runs each action applies to', async () => {
  const success = terminalRun('scan', 'success');
  const failure = terminalRun('export', 'failure');
  await setup([56, 57, 59, success, failure]);
  expect(await screen.findByRole('button', { name: 'Abort 3 of 5 selected' })).toBeVisible();
  expect(screen.getByRole('button', { name: 'Delete 2 of 5 selected' })).toBeVisible();
  expect(screen.getByText('5 selected')).toBeVisible();
});

test('an action that applies to none of the selection has no button, and says why', async () => {
  await setup([terminalRun('scan', 'success'), terminalRun('export', 'failure')]);
  expect(await screen.findByRole('button', { name: 'Delete 2 of 2 selected' })).toBeVisible();
  expect(screen.queryByRole('button', { name: /^Abort/ })).not.toBeInTheDocument();
  expect(
    screen.getByText(/^No selected Run can be aborted \(Abort is only available/),
  ).toBeVisible();
});

test('a Viewer gets no bulk button, only the missing permission', async () => {
  setActingUser('viewer');
  await setup([56, terminalRun('scan', 'success')]);
  expect(
    await screen.findByText(
      'No selected Run can be aborted (You need the Editor permission on this datastore)',
    ),
  ).toBeVisible();
  expect(screen.queryByRole('button', { name: /selected$/ })).not.toBeInTheDocument();
});

test('bulk Abort: confirmation lists the eligible Runs; outcome per Run, races included', async () => {
  const success = terminalRun('scan', 'success');
  const { user, onClear, bar } = await setup([56, 57, 61, success], { list: true });
  await user.click(await screen.findByRole('button', { name: 'Abort 3 of 4 selected' }));
  const dialog = await screen.findByRole('dialog', { name: 'Abort 3 Runs?' });
  expect(dialog).toHaveTextContent('Partial results are kept.');
  expect(dialog).toHaveTextContent('1 other selected Run is left as it is.');
  const listed = within(within(dialog).getByRole('list', { name: 'Runs to abort' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(listed).toEqual([
    expect.stringMatching(/^Run #56 · Scan on .+Running$/),
    expect.stringMatching(/^Run #57 · Profile on .+Running$/),
    expect.stringMatching(/^Run #61 · Promote on .+Running$/),
  ]);

  // Meanwhile: the Promote finishes on its own, and someone else aborts the Profile.
  advanceClock(2 * 60_000);
  setActingUser('admin');
  sim.abort(57);
  setActingUser('editor');

  await user.click(within(dialog).getByRole('button', { name: 'Abort 3 Runs' }));
  const summary = within(bar()).getByRole('status');
  await waitFor(() => expect(summary).toHaveTextContent('Aborted 1 of 3 Runs; 2 refused.'));
  expect(outcomes()).toEqual([
    'Run #56 (Scan): Aborted Done',
    'Run #57 (Profile): Aborted Had already been aborted by admin@example.com',
    'Run #61 (Promote): Success Had already finished as Success',
  ]);
  expect(onClear).toHaveBeenCalledTimes(1);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  await waitFor(() => expect(summary).toHaveFocus());
  // The lists were refreshed with the answers.
  await waitFor(() =>
    expect(screen.getByRole('listitem', { name: 'Listed Run #56' })).toHaveTextContent('Aborted'),
  );
  expect(screen.getByRole('listitem', { name: 'Listed Run #61' })).toHaveTextContent('Success');
});

test('bulk Delete: per-Run outcome for done, gone meanwhile, 409 and 403', async () => {
  const ids = [
    terminalRun('scan', 'success'),
    terminalRun('export', 'failure'),
    terminalRun('materialize', 'aborted'),
    terminalRun('catalog', 'success'),
  ];
  const [done, gone, conflict, forbidden] = ids as [number, number, number, number];
  backend.server.use(
    http.delete('*/api/operations/:id', ({ params }) => {
      if (params.id === String(conflict)) {
        return HttpResponse.json(
          { detail: `Run #${conflict} is Running: Delete is available once the Run has finished` },
          { status: 409 },
        );
      }
      if (params.id === String(forbidden)) {
        return HttpResponse.json(
          { detail: `You need the Editor permission on Lake to delete Run #${forbidden}` },
          { status: 403 },
        );
      }
      return undefined; // the simulator answers the others
    }),
  );
  const { user, onClear } = await setup(ids, { list: true });
  await user.click(await screen.findByRole('button', { name: 'Delete 4 of 4 selected' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete 4 Runs?' });
  expect(dialog).toHaveTextContent('This cannot be undone');
  expect(dialog).toHaveTextContent('Anomalies and other artifacts they produced stay.');
  expect(sim.delete(gone).status).toBe(204); // someone else deletes one meanwhile
  await user.click(within(dialog).getByRole('button', { name: 'Delete 4 Runs' }));

  expect(await screen.findByText('Deleted 1 of 4 Runs; 3 refused.')).toBeVisible();
  expect(outcomes()).toEqual([
    `Run #${done} (Scan): Deleted`,
    `Run #${gone} (Export): Refused: it no longer exists`,
    `Run #${conflict} (Materialize): Refused (409): Run #${conflict} is Running: Delete is available once the Run has finished`,
    `Run #${forbidden} (Sync): Refused (403): You need the Editor permission on Lake to delete Run #${forbidden}`,
  ]);
  expect(onClear).toHaveBeenCalledTimes(1);
  await waitFor(() =>
    expect(screen.queryByRole('listitem', { name: `Listed Run #${done}` })).not.toBeInTheDocument(),
  );
  expect(screen.getByRole('listitem', { name: `Listed Run #${conflict}` })).toBeInTheDocument();
  expect(sim.runs.has(done)).toBe(false);
});

test('a network failure is reported per Run and can be retried for those alone', async () => {
  const ids = [terminalRun('scan', 'success'), terminalRun('export', 'failure')];
  const [first, second] = ids as [number, number];
  backend.server.use(
    http.delete(`*/api/operations/${second}`, () => HttpResponse.error(), { once: true }),
  );
  const { user } = await setup(ids);
  await user.click(await screen.findByRole('button', { name: 'Delete 2 of 2 selected' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete 2 Runs?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete 2 Runs' }));
  expect(await screen.findByText('Deleted 1 of 2 Runs; 1 failed.')).toBeVisible();
  expect(outcomes()).toEqual([
    `Run #${first} (Scan): Deleted`,
    `Run #${second} (Export): Not sent: the API could not be reached`,
  ]);
  await user.click(screen.getByRole('button', { name: 'Retry the 1 not sent' }));
  expect(await screen.findByText('Deleted 1 of 1 Run.')).toBeVisible();
  expect(sim.runs.has(second)).toBe(false);
});

test('a double click on the confirmation sends each Run once', async () => {
  const ids = [terminalRun('scan', 'success'), terminalRun('export', 'failure')];
  // Hold each answer until released, so the second click lands while the batch is out.
  const release = new Map<string, () => void>();
  backend.server.use(
    http.delete('*/api/operations/:id', async ({ params }) => {
      await new Promise<void>((resolve) => release.set(String(params.id), resolve));
      return undefined; // then the simulator answers
    }),
  );
  const { user } = await setup(ids);
  await user.click(await screen.findByRole('button', { name: 'Delete 2 of 2 selected' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete 2 Runs?' });
  await user.dblClick(within(dialog).getByRole('button', { name: 'Delete 2 Runs' }));
  expect(within(dialog).getByRole('button', { name: 'Deleting…' })).toHaveAttribute(
    'aria-busy',
    'true',
  );
  const progress = within(dialog).getByRole('status');
  expect(progress).toHaveTextContent('0 of 2 answered');
  for (const [i, id] of ids.entries()) {
    await waitFor(() => expect(release.has(String(id))).toBe(true));
    release.get(String(id))?.();
    if (i === 0) await waitFor(() => expect(progress).toHaveTextContent('1 of 2 answered'));
  }
  expect(await screen.findByText('Deleted 2 of 2 Runs.')).toBeVisible();
  expect(outcomes()).toHaveLength(2);
  // A second batch's answers would not show (the bar reads only the batch it sent), so ask the
  // simulated backend what it was asked to do.
  const deletes = sim.journal.flatMap((command) => (command.op === 'delete' ? [command.id] : []));
  expect(deletes).toEqual(ids);
});

/**
 * RunActions when things go wrong, over the simulated backend: the races of SPEC §2 (the Run
 * moved on before the action landed), the error answers (403, no answer), and Retry.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { api } from '../../api/instance';
import type { Run } from '../../domain/run';
import { stateLabel } from '../../domain/states';
import { runKeys } from '../../queries/runs';
import {
  buttonsOf,
  childrenOf,
  finish,
  setActingUser,
  setupRunActions,
  simState,
  terminalRun,
} from '../../../test/actions-harness';
import { backend, sim } from '../../../test/backend';

test('race: Abort of a Run that had already finished says so and shows its real state', async () => {
  const { user, open, region } = setupRunActions(56);
  const dialog = await open('Abort');
  // The worker finishes the Run while the person reads the dialog.
  const ended = finish(56);
  await user.click(within(dialog).getByRole('button', { name: 'Abort Run #56' }));

  expect(
    await screen.findByText(`Run #56 had already finished as ${stateLabel(ended)}`),
  ).toBeInTheDocument();
  await waitFor(() =>
    expect(within(region()).getAllByText(stateLabel(ended)).length).toBeGreaterThan(0),
  );
  expect(within(region()).queryByText(/Aborted by/)).not.toBeInTheDocument();
  expect(simState(56)).toBe(ended);
});

test('race: Delete of a Run that is still active is refused with its real state, then refreshed', async () => {
  // The API itself refuses it.
  await expect(api.deleteRun(56)).rejects.toMatchObject({
    status: 409,
    detail: 'Run #56 is Running: Delete is available once the Run has finished',
  });
  // And through the UI: the screen holds a stale picture in which #56 has ended.
  const { user, queryClient, open, group, region } = setupRunActions(56);
  await group();
  queryClient.setQueryData<Run>(runKeys.detail(56), (run) =>
    run ? { ...run, state: 'success', endedAt: run.createdAt + 1 } : run,
  );
  const dialog = await open('Delete');
  await user.click(within(dialog).getByRole('button', { name: 'Delete Run #56' }));

  const alert = screen.getByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent(
      'Could not delete Run #56: Run #56 is Running: Delete is available once the Run has finished',
    ),
  );
  // Refetched: the real state is back, and so is the only valid action.
  await waitFor(async () => expect(await buttonsOf(await group())).toEqual(['Abort']));
  expect(within(region()).getByText('Running')).toBeInTheDocument();
  expect(simState(56)).toBe('running');
});

test('race: Rerun of a Run deleted meanwhile says it no longer exists and creates nothing', async () => {
  const id = terminalRun('export', 'success');
  const { user, open, group, onCreated, onDeleted } = setupRunActions(id, { list: true });
  expect(await screen.findByRole('listitem', { name: `Listed Run #${id}` })).toBeInTheDocument();
  const dialog = await open('Rerun');
  expect(sim.delete(id).status).toBe(204); // someone else deletes it
  await user.click(within(dialog).getByRole('button', { name: `Rerun Run #${id}` }));

  const alert = screen.getByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(`Run #${id} no longer exists`));
  expect(await buttonsOf(await group())).toEqual([]);
  await waitFor(() =>
    expect(screen.queryByRole('listitem', { name: `Listed Run #${id}` })).not.toBeInTheDocument(),
  );
  expect(onCreated).not.toHaveBeenCalled();
  expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ id }));
  expect(childrenOf(id)).toEqual([]);
});

test('403: names the missing permission, and the buttons follow the refetched user', async () => {
  const { user, open, group } = setupRunActions(56);
  const dialog = await open('Abort');
  setActingUser('viewer'); // permissions changed on the server
  await user.click(within(dialog).getByRole('button', { name: 'Abort Run #56' }));

  const alert = screen.getByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent(
      /^Not permitted: You need the Editor permission on .+ to abort Run #56/,
    ),
  );
  await waitFor(async () => expect(await buttonsOf(await group())).toEqual([]));
  expect(simState(56)).toBe('running');
});

test('network failure: nothing unconfirmed is shown, and Retry sends it again', async () => {
  backend.server.use(
    http.put('*/api/operations/abort/:id', () => HttpResponse.error(), { once: true }),
  );
  const { user, open, region } = setupRunActions(56);
  const dialog = await open('Abort');
  await user.click(within(dialog).getByRole('button', { name: 'Abort Run #56' }));

  const alert = await screen.findByRole('alert');
  await waitFor(() =>
    expect(alert).toHaveTextContent(
      'Could not reach the API to abort Run #56: Run #56 may not have been aborted.',
    ),
  );
  expect(within(region()).getByText('Running')).toBeInTheDocument();
  expect(simState(56)).toBe('running');

  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  const status = screen.getByRole('status');
  await waitFor(() =>
    expect(status).toHaveTextContent(
      'Run #56 was aborted by ada@example.com. Partial results are kept.',
    ),
  );
  await waitFor(() => expect(status).toHaveFocus());
  expect(simState(56)).toBe('aborted');
});

test('a Resume whose answer was lost is found on Retry, not created twice', async () => {
  const parentId = terminalRun('scan', 'failure', true);
  const before = childrenOf(parentId).length;
  backend.server.use(
    http.put(
      '*/api/operations/resume/:id',
      () => {
        sim.resume(parentId); // the server did it; the answer never arrives
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  const { user, open, onCreated } = setupRunActions(parentId);
  const dialog = await open('Resume');
  await user.click(within(dialog).getByRole('button', { name: `Resume Run #${parentId}` }));
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent('no new Run is known to have been created'));
  expect(childrenOf(parentId)).toHaveLength(before + 1);

  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(childrenOf(parentId)).toHaveLength(before + 1);
  expect(onCreated.mock.calls[0]?.[0].id).toBe(childrenOf(parentId).at(-1));
});

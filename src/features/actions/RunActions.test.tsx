/**
 * RunActions over the simulated backend: each action's happy path with the clock moving, the
 * races of SPEC §2, the error answers, double clicks, and where focus goes.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { api } from '../../api/instance';
import { runKeys } from '../../queries/runs';
import type { Run } from '../../domain/run';
import { stateLabel } from '../../domain/states';
import {
  ListedRuns,
  ShownRun,
  childrenOf,
  finish,
  setActingUser,
  terminalRun,
} from '../../../test/actions-harness';
import { advanceClock, backend, sim } from '../../../test/backend';
import { renderWithClient } from '../../../test/render-with-client';

function setup(id: number, options: { list?: boolean } = {}) {
  const onCreated = vi.fn<(created: Run, kind: 'resume' | 'rerun') => void>();
  const onDeleted = vi.fn<(run: Run) => void>();
  const view = renderWithClient(
    <>
      <ShownRun id={id} onCreated={onCreated} onDeleted={onDeleted} />
      {options.list ? <ListedRuns /> : null}
    </>,
  );
  const group = () => screen.findByRole('group', { name: `Actions for Run #${id}` });
  const region = () => screen.getByRole('region', { name: `Run #${id}` });
  /** Opens the action's confirmation dialog from its button. */
  async function open(action: 'Abort' | 'Resume' | 'Rerun' | 'Delete') {
    await view.user.click(within(await group()).getByRole('button', { name: action }));
    return screen.findByRole('dialog', { name: `${action} Run #${id}?` });
  }
  return { ...view, onCreated, onDeleted, group, region, open };
}

function simState(id: number): string {
  const got = sim.getRun(id);
  return got.status === 200 ? got.body.result : `HTTP ${got.status}`;
}

async function buttonsOf(group: HTMLElement): Promise<string[]> {
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((n) => n !== 'Other actions' && n !== 'Dismiss' && n !== 'Retry');
}

test('Abort: confirmation keeps partial results; the Run then shows Aborted and who did it', async () => {
  advanceClock(30_000);
  const { user, open, region, group } = setup(56, { list: true });
  const dialog = await open('Abort');
  expect(dialog).toHaveTextContent(
    'The worker stops this Scan Run as soon as possible. Partial results are kept.',
  );
  expect(dialog).toHaveTextContent(/\d+ \/ 14 Tables processed so far keep their results/);
  await user.click(within(dialog).getByRole('button', { name: 'Abort Run #56' }));

  const status = screen.getByRole('status');
  await waitFor(() =>
    expect(status).toHaveTextContent(
      'Run #56 was aborted by ada@example.com. Partial results are kept.',
    ),
  );
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(within(region()).getByText('Aborted by ada@example.com')).toBeInTheDocument();
  // The list's cache got the server's answer too, without waiting for a poll.
  const listed = await screen.findByRole('listitem', { name: 'Listed Run #56' });
  await waitFor(() => expect(listed).toHaveTextContent('Aborted'));
  expect(await buttonsOf(await group())).toEqual(['Resume', 'Rerun', 'Delete']);
  // The outcome is what keyboard users land on: the Abort button is gone.
  await waitFor(() => expect(status).toHaveFocus());

  advanceClock(60 * 60_000);
  expect(simState(56)).toBe('aborted');
});

test('Cancel and Escape close a confirmation without acting and give focus back', async () => {
  const { user, open, group } = setup(56);
  const abort = within(await group()).getByRole('button', { name: 'Abort' });
  let dialog = await open('Abort');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
  await waitFor(() => expect(abort).toHaveFocus());

  dialog = await open('Abort');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
  await waitFor(() => expect(abort).toHaveFocus());
  expect(simState(56)).toBe('running');
});

test('Resume: tooltip names the remaining work, the dialog lists it, a new Run is created', async () => {
  const parentId = terminalRun('scan', 'failure', true);
  const parent = sim.runs.get(parentId);
  if (!parent) throw new Error('no parent');
  const done = new Set(parent.completed);
  const remaining = parent.containers.filter((c) => !done.has(c.id)).map((c) => c.name);
  const unit = remaining.length === 1 ? 'table' : 'tables';
  const before = childrenOf(parentId);
  const { user, open, group, region, onCreated } = setup(parentId);

  await user.hover(within(await group()).getByRole('button', { name: 'Resume' }));
  expect(await screen.findByRole('tooltip')).toHaveTextContent(
    `Resume ${remaining.length} remaining ${unit}`,
  );

  const dialog = await open('Resume');
  expect(dialog).toHaveTextContent(`processes only the ${remaining.length} remaining ${unit}`);
  const list = within(dialog).getByRole('list', { name: 'Tables to process' });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(remaining.map((name) => expect.stringContaining(name)));
  await user.click(within(dialog).getByRole('button', { name: `Resume Run #${parentId}` }));

  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  const [created, kind] = onCreated.mock.calls[0] ?? [];
  expect(kind).toBe('resume');
  expect(created).toMatchObject({ parentId, relaunch: 'resume', state: 'queued' });
  expect(childrenOf(parentId)).toEqual([...before, created?.id]);
  expect(
    await screen.findByText(
      `Created Run #${created?.id}, resuming Run #${parentId} over ${remaining.length} ${unit}`,
    ),
  ).toBeInTheDocument();
  // The parent was refetched: it now lists its child.
  expect(
    await within(region()).findByText(new RegExp(`#${created?.id} \\(resume\\)`)),
  ).toBeInTheDocument();

  // The new Run processes only what was left, and finishes as the clock moves.
  expect(['success', 'failure']).toContain(finish(created?.id ?? 0));
  const child = sim.runs.get(created?.id ?? 0);
  expect(child?.containers.map((c) => c.name)).toEqual(remaining);
});

test('Rerun: the dialog lists every container, a new Run with the same configuration is created', async () => {
  const parentId = terminalRun('export', 'success');
  const names = sim.runs.get(parentId)?.containers.map((c) => c.name) ?? [];
  const { user, open, group, region, onCreated } = setup(parentId);

  await user.hover(within(await group()).getByRole('button', { name: 'Rerun' }));
  expect(await screen.findByRole('tooltip')).toHaveTextContent(
    'Run again with the same configuration, every table from scratch',
  );
  const dialog = await open('Rerun');
  expect(dialog).toHaveTextContent('processes every table again, from scratch');
  expect(
    within(within(dialog).getByRole('list', { name: 'Tables to process' })).getAllByRole(
      'listitem',
    ),
  ).toHaveLength(names.length);
  await user.click(within(dialog).getByRole('button', { name: `Rerun Run #${parentId}` }));

  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  const [created, kind] = onCreated.mock.calls[0] ?? [];
  expect(kind).toBe('rerun');
  expect(created).toMatchObject({ parentId, relaunch: 'rerun' });
  expect(sim.runs.get(created?.id ?? 0)?.settings).toEqual(sim.runs.get(parentId)?.settings);
  expect(
    await within(region()).findByText(`Children: #${created?.id} (rerun)`),
  ).toBeInTheDocument();
  expect(['success', 'failure']).toContain(finish(created?.id ?? 0));
  expect(sim.runs.get(created?.id ?? 0)?.containers.map((c) => c.name)).toEqual(names);
});

test('Delete: says it cannot be undone and that artifacts stay; the Run leaves the list', async () => {
  const id = terminalRun('scan', 'success');
  const { user, open, group, onDeleted } = setup(id, { list: true });
  expect(await screen.findByRole('listitem', { name: `Listed Run #${id}` })).toBeInTheDocument();
  const dialog = await open('Delete');
  expect(dialog).toHaveTextContent('This cannot be undone');
  expect(dialog).toHaveTextContent('Anomalies and other artifacts it produced stay.');
  await user.click(within(dialog).getByRole('button', { name: `Delete Run #${id}` }));

  expect(
    await screen.findByText(
      `Run #${id} was deleted. Anomalies and other artifacts it produced stay.`,
    ),
  ).toBeInTheDocument();
  await waitFor(() =>
    expect(screen.queryByRole('listitem', { name: `Listed Run #${id}` })).not.toBeInTheDocument(),
  );
  expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ id }));
  // Nothing is offered for a Run that is gone.
  expect(await buttonsOf(await group())).toEqual([]);
  expect(simState(id)).toBe('HTTP 404');
  advanceClock(60_000);
  expect(simState(id)).toBe('HTTP 404');
});

test('race: Abort of a Run that had already finished says so and shows its real state', async () => {
  const { user, open, region } = setup(56);
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
  const { user, queryClient, open, group, region } = setup(56);
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
  const { user, open, group, onCreated, onDeleted } = setup(id, { list: true });
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
  const { user, open, group } = setup(56);
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
  const { user, open, region } = setup(56);
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
  const { user, open, onCreated } = setup(parentId);
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

test('a double click on the confirm button creates exactly one Run', async () => {
  const parentId = terminalRun('export', 'success');
  const { user, open, onCreated } = setup(parentId);
  const dialog = await open('Rerun');
  await user.dblClick(within(dialog).getByRole('button', { name: `Rerun Run #${parentId}` }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(childrenOf(parentId)).toHaveLength(1);
});

test('the confirm button is busy while the request is in flight, and ignores more clicks', async () => {
  const parentId = terminalRun('export', 'success');
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  backend.server.use(
    http.put('*/api/operations/rerun/:id', async () => {
      await gate;
      const answer = sim.rerun(parentId);
      return HttpResponse.json(answer.body, { status: answer.status });
    }),
  );
  const { user, open, onCreated, group } = setup(parentId);
  const actions = await group();
  const dialog = await open('Rerun');
  await user.click(within(dialog).getByRole('button', { name: `Rerun Run #${parentId}` }));
  const busy = await within(dialog).findByRole('button', { name: 'Starting the rerun…' });
  expect(busy).toHaveAttribute('aria-busy', 'true');
  expect(busy).toHaveAttribute('aria-disabled', 'true');
  await user.click(busy);
  await user.click(busy);
  // The Run's other buttons wait too.
  for (const button of within(actions).getAllByRole('button', { hidden: true })) {
    if (['Resume', 'Rerun', 'Delete'].includes(button.textContent ?? '')) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
    }
  }
  release();
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(childrenOf(parentId)).toHaveLength(1);
});

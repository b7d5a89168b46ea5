/**
 * RunActions over the simulated backend: each action's happy path with the clock moving, where
 * focus goes, and double clicks. The races of SPEC §2 and the error answers are in
 * RunActions.races.test.tsx.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import {
  buttonsOf,
  childrenOf,
  finish,
  setupRunActions,
  simState,
  terminalRun,
} from '../../../test/actions-harness';
import { advanceClock, backend, sim } from '../../../test/backend';

test('Abort: confirmation keeps partial results; the Run then shows Aborted and who did it', async () => {
  advanceClock(30_000);
  const { user, open, region, group } = setupRunActions(56, { list: true });
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
  const { user, open, group } = setupRunActions(56);
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
  const { user, open, group, region, onCreated } = setupRunActions(parentId);

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
  const { user, open, group, region, onCreated } = setupRunActions(parentId);

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
  const { user, open, group, onDeleted } = setupRunActions(id, { list: true });
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

test('a double click on the confirm button creates exactly one Run', async () => {
  const parentId = terminalRun('export', 'success');
  const { user, open, onCreated } = setupRunActions(parentId);
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
  const { user, open, onCreated, group } = setupRunActions(parentId);
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

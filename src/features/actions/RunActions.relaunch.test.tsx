/**
 * A Rerun whose answer is lost after the server acted (SPEC §3.1 idempotent relaunch), over the
 * simulated backend: Retry makes no second Run, with a server that honours the Idempotency-Key
 * and with one that ignores it and sends no `children` (the dashboard finds the Run by its parent).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { childrenOf, setupRunActions, terminalRun } from '../../../test/actions-harness';
import { backend, sim } from '../../../test/backend';

async function rerunAndLoseTheAnswer(parentId: number) {
  const { user, open, onCreated } = setupRunActions(parentId);
  const dialog = await open('Rerun');
  await user.click(within(dialog).getByRole('button', { name: `Rerun Run #${parentId}` }));
  const alert = await screen.findByRole('alert');
  await waitFor(() => expect(alert).toHaveTextContent(/not known/));
  return { user, alert, onCreated };
}

test('a Rerun answered by a gateway timeout after the server acted is found on Retry: one Run', async () => {
  const parentId = terminalRun('scan', 'success');
  const before = childrenOf(parentId).length;
  const keys: (string | null)[] = [];
  backend.server.use(
    http.put('*/api/operations/rerun/:id', ({ request }) => {
      const key = request.headers.get('Idempotency-Key');
      keys.push(key);
      const done = sim.rerun(parentId, key ?? undefined); // same key, same Run
      // The first answer is lost at the gateway; a retry is answered.
      return keys.length === 1
        ? HttpResponse.json({ detail: 'Gateway Timeout' }, { status: 504 })
        : HttpResponse.json(done.body, { status: done.status });
    }),
  );
  const { user, alert, onCreated } = await rerunAndLoseTheAnswer(parentId);
  expect(childrenOf(parentId)).toHaveLength(before + 1);

  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(childrenOf(parentId)).toHaveLength(before + 1);
  expect(onCreated.mock.calls[0]?.[0].id).toBe(childrenOf(parentId).at(-1));
  // Every attempt of the one click carried the same key.
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/\S/);
});

test('against a server that ignores the key and sends no children, Retry finds the Run by its parent: one Run', async () => {
  const parentId = terminalRun('scan', 'success');
  const before = childrenOf(parentId).length;
  let attempts = 0;
  backend.server.use(
    // Each Rerun makes a new Run, whatever its key; the first answer never arrives.
    http.put('*/api/operations/rerun/:id', () => {
      attempts++;
      const done = sim.rerun(parentId);
      return attempts === 1
        ? HttpResponse.error()
        : HttpResponse.json(done.body, { status: done.status });
    }),
    // The Run's detail without the `children` extension.
    http.get('*/api/operations/:id', ({ params }) => {
      const answer = sim.getRun(Number(params.id));
      if (answer.status !== 200) return undefined;
      return HttpResponse.json(
        Object.fromEntries(Object.entries(answer.body).filter(([field]) => field !== 'children')),
      );
    }),
  );
  const { user, alert, onCreated } = await rerunAndLoseTheAnswer(parentId);
  expect(childrenOf(parentId)).toHaveLength(before + 1);

  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  expect(attempts).toBe(1);
  expect(childrenOf(parentId)).toHaveLength(before + 1);
  expect(onCreated.mock.calls[0]?.[0].id).toBe(childrenOf(parentId).at(-1));
});

/**
 * Test support for the actions feature: Runs in a wanted state from the simulator, and a small
 * stand-in for the views that show a Run with its actions (as the Run page wires RunActions:
 * the Run from `runDetailQuery`, its state as a badge, and who aborted it), rendered by
 * `setupRunActions`; and a stand-in for the Activity table's selection under the bulk bar.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { ListRunsQuery } from '../src/api/contract';
import { runDetailQuery, runListQuery } from '../src/queries/runs';
import { StatusBadge } from '../src/components/ui/StatusBadge';
import type { OperationType } from '../src/domain/operations';
import type { Run } from '../src/domain/run';
import type { RunState } from '../src/domain/states';
import { BulkActionBar } from '../src/features/actions/BulkActionBar';
import { RunActions } from '../src/features/actions/RunActions';
import type { RunActionsProps } from '../src/features/actions/RunActions';
import { advanceClock, resetBackend, sim } from './backend';
import { renderWithClient } from './render-with-client';

/** The Run with `id`, as a view shows it, with its action buttons. */
export function ShownRun({
  id,
  onCreated,
  onDeleted,
}: {
  id: number;
  onCreated?: RunActionsProps['onCreated'];
  onDeleted?: RunActionsProps['onDeleted'];
}) {
  const run = useQuery(runDetailQuery(id));
  if (run.isPending) return <p>Loading Run #{id}</p>;
  if (run.isError)
    return (
      <p role="alert">
        Run #{id} could not be loaded: {run.error.message}
      </p>
    );
  return (
    <section aria-label={`Run #${id}`}>
      <StatusBadge state={run.data.state} />
      {run.data.abortedBy ? <p>Aborted by {run.data.abortedBy}</p> : null}
      {run.data.children?.length ? (
        <p>Children: {run.data.children.map((c) => `#${c.id} (${c.relaunch})`).join(', ')}</p>
      ) : null}
      <RunActions run={run.data} onCreated={onCreated} onDeleted={onDeleted} />
    </section>
  );
}

/** A plain list of Runs, as the Activity table would read them (no polling). */
export function ListedRuns({ query = { page: 1, size: 100 } }: { query?: ListRunsQuery }) {
  const list = useQuery(runListQuery(query));
  if (!list.data) return <p>Loading the list</p>;
  return (
    <ul aria-label="Runs list">
      {list.data.items.map((run) => (
        <li key={run.id} aria-label={`Listed Run #${run.id}`}>
          #{run.id} <StatusBadge state={run.state} size="sm" />
        </li>
      ))}
    </ul>
  );
}

/** Renders Run #`id` with its actions (and, with `list`, the Runs list); finds its pieces. */
export function setupRunActions(id: number, options: { list?: boolean } = {}) {
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

/** The action buttons a Run's group offers (not the disclosure nor a notice's buttons). */
export async function buttonsOf(group: HTMLElement): Promise<string[]> {
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((n) => n !== 'Other actions' && n !== 'Dismiss' && n !== 'Retry');
}

/** The Run's state in the simulator, or the status it answers when it has none. */
export function simState(id: number): string {
  const got = sim.getRun(id);
  return got.status === 200 ? got.body.result : `HTTP ${got.status}`;
}

/** Stands in for the Activity table: holds the selection and clears it when asked. */
export function SelectingRuns({
  initial,
  allMatching = false,
  query = { page: 1, size: 100 },
  total,
  onClear,
}: {
  initial: readonly Run[];
  allMatching?: boolean;
  query?: ListRunsQuery;
  total: number;
  onClear: () => void;
}) {
  const [runs, setRuns] = useState(initial);
  const [all, setAll] = useState(allMatching);
  return (
    <BulkActionBar
      selection={{
        runs,
        allMatching: all,
        query,
        total,
        clear: () => {
          onClear();
          setRuns([]);
          setAll(false);
        },
      }}
    />
  );
}

/** Runs of the store created by Resume/Rerun of `parentId`. */
export function childrenOf(parentId: number): number[] {
  return [...sim.runs.values()].filter((r) => r.parentId === parentId).map((r) => r.id);
}

export function setActingUser(who: 'editor' | 'viewer' | 'admin'): void {
  if (who === 'admin') sim.setUser({ role: 'Admin', permission: 'Viewer' });
  else sim.setUser({ role: 'Member', permission: who === 'editor' ? 'Editor' : 'Viewer' });
}

/** A terminal Run of the default scenario; `resumable` asks for one with work left to resume. */
export function terminalRun(type: OperationType, state: RunState, resumable = false): number {
  for (const run of sim.runs.values()) {
    if (run.type !== type || run.state !== state) continue;
    if (resumable && run.completed.length >= run.containers.length) continue;
    return run.id;
  }
  throw new Error(`The default scenario has no ${type} Run in ${state}`);
}

/** A fresh Run of `type` in an active state, launched through the simulator. */
export function activeRun(type: OperationType, state: 'queued' | 'running'): number {
  // Start from an empty store: the worker pool is free, so one short tick starts a launched Run.
  resetBackend('empty');
  if (state === 'queued') {
    // Fill the three worker slots first, so the Run under test waits in the queue.
    for (let i = 0; i < 3; i++) launch('export');
    advanceClock(2_000);
  }
  const id = launch(type);
  if (state === 'running') advanceClock(2_000);
  const got = sim.getRun(id);
  if (got.status !== 200 || got.body.result !== state) {
    throw new Error(`Could not get a ${state} ${type} Run (got ${JSON.stringify(got.status)})`);
  }
  return id;
}

export function launch(type: OperationType, datastoreId = 1): number {
  const answer = sim.launch({ type, datastore_id: datastoreId });
  if (answer.status !== 201) throw new Error(`launch ${type}: ${answer.status}`);
  return answer.body.id;
}

/** Advances the clock until the Run is terminal (at most a simulated day). */
export function finish(id: number): RunState {
  for (let i = 0; i < 24 * 60; i++) {
    const got = sim.getRun(id);
    if (got.status !== 200) throw new Error(`Run #${id}: ${got.status}`);
    if (got.body.result !== 'queued' && got.body.result !== 'running') return got.body.result;
    advanceClock(60_000);
  }
  throw new Error(`Run #${id} did not finish within a day`);
}

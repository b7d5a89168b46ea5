/**
 * Which buttons a person sees, through the UI: every operation type × state for an Editor, and
 * the Viewer and Admin checks. The expectations are written out from SPEC §2 (not computed from
 * the domain model the component uses), so a wrong rule in either shows up here.
 */
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import type { OperationType } from '../../domain/operations';
import type { RunState } from '../../domain/states';
import { ShownRun, activeRun, setActingUser, terminalRun } from '../../../test/actions-harness';
import { backend } from '../../../test/backend';
import { renderWithClient } from '../../../test/render-with-client';

type Button = 'Abort' | 'Resume' | 'Rerun' | 'Delete';

// SPEC §2: Abort while Queued/Running; Resume after Aborted/Failure for Profile, Scan, Promote;
// Rerun after any terminal state for all but External Scan; Delete after any terminal state.
// Promote never enters Queued.
const EDITOR_MATRIX: readonly [OperationType, RunState, readonly Button[]][] = [
  ['catalog', 'queued', ['Abort']],
  ['catalog', 'running', ['Abort']],
  ['catalog', 'success', ['Rerun', 'Delete']],
  ['catalog', 'failure', ['Rerun', 'Delete']],
  ['catalog', 'aborted', ['Rerun', 'Delete']],
  ['profile', 'queued', ['Abort']],
  ['profile', 'running', ['Abort']],
  ['profile', 'success', ['Rerun', 'Delete']],
  ['profile', 'failure', ['Resume', 'Rerun', 'Delete']],
  ['profile', 'aborted', ['Resume', 'Rerun', 'Delete']],
  ['scan', 'queued', ['Abort']],
  ['scan', 'running', ['Abort']],
  ['scan', 'success', ['Rerun', 'Delete']],
  ['scan', 'failure', ['Resume', 'Rerun', 'Delete']],
  ['scan', 'aborted', ['Resume', 'Rerun', 'Delete']],
  ['external_scan', 'queued', ['Abort']],
  ['external_scan', 'running', ['Abort']],
  ['external_scan', 'success', ['Delete']],
  ['external_scan', 'failure', ['Delete']],
  ['external_scan', 'aborted', ['Delete']],
  ['export', 'queued', ['Abort']],
  ['export', 'running', ['Abort']],
  ['export', 'success', ['Rerun', 'Delete']],
  ['export', 'failure', ['Rerun', 'Delete']],
  ['export', 'aborted', ['Rerun', 'Delete']],
  ['materialize', 'queued', ['Abort']],
  ['materialize', 'running', ['Abort']],
  ['materialize', 'success', ['Rerun', 'Delete']],
  ['materialize', 'failure', ['Rerun', 'Delete']],
  ['materialize', 'aborted', ['Rerun', 'Delete']],
  ['promote', 'running', ['Abort']],
  ['promote', 'success', ['Rerun', 'Delete']],
  ['promote', 'failure', ['Resume', 'Rerun', 'Delete']],
  ['promote', 'aborted', ['Resume', 'Rerun', 'Delete']],
];

/** A Run of `type` in `state`; `resumable` asks for a terminal one with work left to resume. */
function runIn(type: OperationType, state: RunState, resumable = false): number {
  return state === 'queued' || state === 'running'
    ? activeRun(type, state)
    : terminalRun(type, state, resumable);
}

/** The action buttons shown for the Run, in order (the "Other actions" disclosure aside). */
async function actionButtons(id: number): Promise<string[]> {
  const group = await screen.findByRole('group', { name: `Actions for Run #${id}` });
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((name) => name !== 'Other actions');
}

test('the matrix covers every operation type × state a Run can be in', () => {
  expect(EDITOR_MATRIX).toHaveLength(7 * 5 - 1);
  expect(new Set(EDITOR_MATRIX.map(([t, s]) => `${t}:${s}`)).size).toBe(EDITOR_MATRIX.length);
});

test.each(EDITOR_MATRIX)('an Editor, %s Run in %s: %j', async (type, state, expected) => {
  const id = runIn(type, state, (expected as readonly Button[]).includes('Resume'));
  renderWithClient(<ShownRun id={id} />);
  expect(await actionButtons(id)).toEqual(expected);
});

test.each([
  ['scan', 'running'],
  ['export', 'queued'],
  ['scan', 'failure'],
  ['materialize', 'success'],
] as const)('a Viewer sees no action on a %s Run in %s, and is told why', async (type, state) => {
  const id = runIn(type, state, state === 'failure');
  setActingUser('viewer');
  const { user } = renderWithClient(<ShownRun id={id} />);
  expect(await actionButtons(id)).toEqual([]);
  const group = screen.getByRole('group', { name: `Actions for Run #${id}` });
  const others = within(group).getByRole('button', { name: 'Other actions' });
  expect(others).toHaveAttribute('aria-expanded', 'false');
  await user.click(others);
  expect(others).toHaveAttribute('aria-expanded', 'true');
  expect(
    within(group).getAllByText('You need the Editor permission on this datastore').length,
  ).toBeGreaterThan(0);
});

test.each([
  ['scan', 'running', ['Abort']],
  ['scan', 'failure', ['Resume', 'Rerun', 'Delete']],
  ['external_scan', 'success', ['Delete']],
] as const)(
  'an Admin without team permission sees what an Editor sees: %s in %s',
  async (type, state, expected) => {
    const id = runIn(type, state, (expected as readonly Button[]).includes('Resume'));
    setActingUser('admin');
    renderWithClient(<ShownRun id={id} />);
    expect(await actionButtons(id)).toEqual(expected);
  },
);

test('no button shows while the acting user is not known yet', async () => {
  let answer: (() => void) | null = null;
  backend.server.use(
    http.get(
      '*/api/users/me',
      () =>
        new Promise<Response>((resolve) => {
          answer = () =>
            resolve(
              HttpResponse.json({
                email: 'ada@example.com',
                role: 'Member',
                permissions: { '1': 'Editor' },
              }),
            );
        }),
      { once: true },
    ),
  );
  renderWithClient(<ShownRun id={56} />);
  expect(await screen.findByRole('region', { name: 'Run #56' })).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Actions for Run #56' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Abort' })).not.toBeInTheDocument();
  (answer as (() => void) | null)?.();
  expect(await actionButtons(56)).toEqual(['Abort']);
});

test('"Other actions" explains each missing button with the domain model\'s reason', async () => {
  const sync = terminalRun('catalog', 'failure');
  const { user } = renderWithClient(<ShownRun id={sync} />);
  const group = await screen.findByRole('group', { name: `Actions for Run #${sync}` });
  const others = within(group).getByRole('button', { name: 'Other actions' });
  expect(within(group).queryByRole('listitem')).not.toBeInTheDocument();
  await user.click(others);
  const reasons = within(group)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(reasons).toEqual([
    // The action is named once, also where the reason names it.
    'Abort is only available while the Run is queued or running (it ended as Failure)',
    'Resume is not available for Sync runs — use Rerun',
  ]);
  await user.click(others);
  expect(within(group).queryByRole('listitem')).not.toBeInTheDocument();
});

test('"Other actions" on a running Run says Delete waits for the Run to finish', async () => {
  const { user } = renderWithClient(<ShownRun id={58} />);
  const group = await screen.findByRole('group', { name: 'Actions for Run #58' });
  await user.click(within(group).getByRole('button', { name: 'Other actions' }));
  expect(within(group).getByText('Delete is available once the Run has finished')).toBeVisible();
  expect(
    within(group).getByText('Resume is not available for Sync runs — use Rerun'),
  ).toBeVisible();
  expect(within(group).getByText('Rerun is available once the Run has finished')).toBeVisible();
});

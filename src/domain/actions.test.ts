import { expect, test } from 'vitest';
import type { ActionKind, RunFacts } from './actions';
import { ACTIONS, actionLabel, actionVerdict, actionVerdicts } from './actions';
import type { OperationType } from './operations';
import { OPERATION_TYPES } from './operations';
import type { ActingUser, Permission } from './permissions';
import { PERMISSIONS } from './permissions';
import type { RunState } from './states';
import { RUN_STATES } from './states';

/** Every acting user the rules tell apart, on datastore 1. */
const USERS: readonly (readonly [string, ActingUser])[] = [
  ['Admin without team permissions', { email: 'a@x', role: 'Admin', permissions: {} }],
  ...PERMISSIONS.map(
    (p: Permission) =>
      [`Member with ${p}`, { email: 'm@x', role: 'Member', permissions: { '1': p } }] as const,
  ),
  ['Manager with Viewer', { email: 'g@x', role: 'Manager', permissions: { '1': 'Viewer' } }],
  [
    'Member with Editor elsewhere',
    { email: 'e@x', role: 'Member', permissions: { '2': 'Editor' } },
  ],
];

const facts = (type: OperationType, state: RunState, remaining: number | null = 3): RunFacts => ({
  type,
  state,
  datastoreId: 1,
  remaining,
});

/** SPEC §2's table, written out on its own: shown when (state, type) allow it. */
function specAllows(action: ActionKind, run: RunFacts): boolean {
  const active = run.state === 'queued' || run.state === 'running';
  switch (action) {
    case 'abort':
      return active;
    case 'resume':
      return (
        ['profile', 'scan', 'promote'].includes(run.type) &&
        (run.state === 'failure' || run.state === 'aborted') &&
        run.remaining !== 0
      );
    case 'rerun':
      return run.type !== 'external_scan' && !active;
    case 'delete':
      return !active;
  }
}

const mayAct = (user: ActingUser): boolean =>
  user.role === 'Admin' || user.permissions['1'] === 'Editor';

test('available actions over every operation type × state × permission (SPEC §2)', () => {
  const mismatches: string[] = [];
  for (const type of OPERATION_TYPES) {
    for (const state of RUN_STATES) {
      for (const remaining of [null, 0, 3]) {
        const run = facts(type, state, remaining);
        for (const [who, user] of USERS) {
          const expected = ACTIONS.filter((a) => specAllows(a, run) && mayAct(user));
          // The buttons a view renders: the allowed verdicts, in their order.
          const actual = actionVerdicts(run, user)
            .filter((v) => v.allowed)
            .map((v) => v.action);
          if (actual.join() !== expected.join()) {
            mismatches.push(`${type} ${state} remaining=${remaining} ${who}: ${actual.join()}`);
          }
        }
      }
    }
  }
  expect(mismatches).toEqual([]);
});

test('a verdict for every action, in a stable order, with a cause and a reason when refused', () => {
  for (const type of OPERATION_TYPES) {
    for (const state of RUN_STATES) {
      for (const [, user] of USERS) {
        const run = facts(type, state);
        const verdicts = actionVerdicts(run, user);
        expect(verdicts.map((v) => v.action)).toEqual([...ACTIONS]);
        for (const v of verdicts) {
          expect(v).toEqual(actionVerdict(v.action, run, user));
          if (v.allowed) {
            expect(v.hint.length).toBeGreaterThan(0);
            continue;
          }
          expect(v.reason.length).toBeGreaterThan(0);
          // The Run's own rules come first; permission is the reason only when they allow it.
          expect(v.cause === 'permission').toBe(specAllows(v.action, run));
        }
      }
    }
  }
});

const editor: ActingUser = { email: 'm@x', role: 'Member', permissions: { '1': 'Editor' } };
const viewer: ActingUser = { email: 'v@x', role: 'Member', permissions: { '1': 'Viewer' } };

function why(action: ActionKind, run: RunFacts, user: ActingUser = editor) {
  const v = actionVerdict(action, run, user);
  return v.allowed ? { allowed: true, hint: v.hint } : { cause: v.cause, reason: v.reason };
}

test('the reasons explain the missing buttons in plain words (SPEC §5)', () => {
  expect(why('resume', facts('catalog', 'failure'))).toEqual({
    cause: 'type',
    reason: 'Resume is not available for Sync runs — use Rerun',
  });
  expect(why('resume', facts('external_scan', 'aborted'))).toEqual({
    cause: 'type',
    reason: 'Resume is not available for External Scan runs — launch a new run',
  });
  expect(why('rerun', facts('external_scan', 'failure'))).toEqual({
    cause: 'type',
    reason: 'Rerun is not available for External Scan runs',
  });
  expect(why('delete', facts('scan', 'running'))).toEqual({
    cause: 'state',
    reason: 'Delete is available once the Run has finished',
  });
  expect(why('rerun', facts('scan', 'queued'))).toEqual({
    cause: 'state',
    reason: 'Rerun is available once the Run has finished',
  });
  expect(why('abort', facts('scan', 'success'))).toEqual({
    cause: 'state',
    reason: 'Abort is only available while the Run is queued or running (it ended as Success)',
  });
  expect(why('resume', facts('scan', 'running'))).toEqual({
    cause: 'state',
    reason: 'Resume is available once the Run has ended in Failure or Aborted',
  });
  expect(why('resume', facts('profile', 'success'))).toEqual({
    cause: 'state',
    reason: 'The Run succeeded, so there is nothing to resume — use Rerun',
  });
  expect(why('resume', facts('promote', 'aborted', 0))).toEqual({
    cause: 'state',
    reason: 'Every entity already finished — use Rerun',
  });
  expect(why('abort', facts('scan', 'running'), viewer)).toEqual({
    cause: 'permission',
    reason: 'You need the Editor permission on this datastore',
  });
});

test('the hints of available actions name what they will do', () => {
  expect(why('resume', facts('scan', 'failure', 9))).toEqual({
    allowed: true,
    hint: 'Resume 9 remaining tables',
  });
  expect(why('resume', facts('promote', 'aborted', 1)).hint).toBe('Resume 1 remaining entity');
  expect(why('resume', facts('profile', 'aborted', null)).hint).toBe(
    'Resume the tables not finished',
  );
  expect(why('rerun', facts('materialize', 'success')).hint).toBe(
    'Run again with the same configuration, every computed table from scratch',
  );
  expect(why('delete', facts('scan', 'failure')).hint).toMatch(/artifacts stay/);
  expect(why('abort', facts('scan', 'queued')).hint).toMatch(/partial results are kept/);
});

test('action labels', () => {
  expect(ACTIONS.map(actionLabel)).toEqual(['Abort', 'Resume', 'Rerun', 'Delete']);
});

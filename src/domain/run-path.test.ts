import { expect, test } from 'vitest';
import { makeRun } from '../../test/run-fixture';
import type { Run } from './run';
import type { Visit } from './run-path';
import { relaunchOptions, runPath, visitsOf } from './run-path';

/** The facts of each visit that these tests check: state, time and its meaning. */
const seen = (visits: readonly Visit[]) =>
  visits.map(({ state, at, moment }) => ({ state, at, moment }));

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

const times = { createdAt: T0, startedAt: T0 + 1000, endedAt: T0 + 5000 };

function terminalRun(overrides: Partial<Run>): Run {
  return makeRun({
    id: 1,
    state: 'failure',
    ...times,
    datastore: { id: 1, name: 'Sales Warehouse', type: null },
    progress: { processed: 1, total: 3 },
    containers: [
      { id: 1, name: 'orders', containerType: 'table', tableType: null },
      { id: 2, name: 'customers', containerType: 'table', tableType: null },
    ],
    abortedBy: undefined,
    ...overrides,
  });
}

test('a queued Run has visited only Queued, at its creation', () => {
  expect(
    seen(
      visitsOf({ type: 'export', state: 'queued', createdAt: T0, startedAt: null, endedAt: null }),
    ),
  ).toEqual([{ state: 'queued', at: T0, moment: 'created' }]);
});

test('a finished Run went Queued → Running → its end, each with its time', () => {
  const visits = visitsOf({ type: 'scan', state: 'success', ...times });
  expect(seen(visits)).toEqual([
    { state: 'queued', at: T0, moment: 'created' },
    { state: 'running', at: T0 + 1000, moment: 'started' },
    { state: 'success', at: T0 + 5000, moment: 'ended' },
  ]);
  expect(visits.map((v) => v.via?.label ?? null)).toEqual([
    null,
    'worker picks it up',
    'every table processed',
  ]);
  expect(visits.map((v) => v.after)).toEqual([null, 1000, 4000]);
});

test('Promote is created directly in Running: its first visit is its creation', () => {
  const visits = visitsOf({
    type: 'promote',
    state: 'running',
    createdAt: T0,
    startedAt: T0 + 40,
    endedAt: null,
  });
  expect(seen(visits)).toEqual([{ state: 'running', at: T0, moment: 'created' }]);
});

test('the transitions taken and still possible follow the domain table', () => {
  const running = runPath(terminalRun({ state: 'running', endedAt: null }));
  expect(running.taken.map((t) => `${t.from}>${t.to}`)).toEqual(['queued>running']);
  expect(running.next.map((t) => t.to)).toEqual(['success', 'failure', 'aborted']);
  expect(running.relaunch).toBeNull();
  const aborted = runPath(terminalRun({ state: 'aborted', startedAt: null }));
  expect(aborted.taken.map((t) => `${t.from}>${t.to}`)).toEqual(['queued>aborted']);
  expect(aborted.next).toEqual([]);
});

test('relaunch options follow the action rules of the type and state', () => {
  expect(relaunchOptions(terminalRun({ state: 'failure' }))).toEqual(['resume', 'rerun']);
  expect(relaunchOptions(terminalRun({ state: 'aborted', type: 'promote' }))).toEqual([
    'resume',
    'rerun',
  ]);
  expect(relaunchOptions(terminalRun({ state: 'success' }))).toEqual(['rerun']);
  expect(relaunchOptions(terminalRun({ state: 'failure', type: 'catalog' }))).toEqual(['rerun']);
  expect(relaunchOptions(terminalRun({ state: 'failure', type: 'external_scan' }))).toEqual([]);
  // Nothing left to resume: every container finished.
  expect(relaunchOptions(terminalRun({ state: 'aborted', completedContainerIds: [1, 2] }))).toEqual(
    ['rerun'],
  );
  expect(relaunchOptions(terminalRun({ state: 'running', endedAt: null }))).toBeNull();
});

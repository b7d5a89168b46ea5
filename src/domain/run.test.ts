import { expect, test } from 'vitest';
import { makeRun } from '../../test/run-fixture';
import type { ContainerResult, Run } from './run';
import {
  durationMs,
  hasContainerResults,
  remainingContainers,
  runFacts,
  showsWarning,
} from './run';
import { RUN_STATES } from './states';

const containers = [1, 2, 3, 4].map((id) => ({
  id,
  name: `table_${id}`,
  containerType: 'table',
  tableType: 'TABLE',
}));

function result(id: number, state: ContainerResult['state']): ContainerResult {
  return {
    id: 100 + id,
    container: { id, name: `table_${id}`, containerType: 'table' },
    state,
    createdAt: 0,
    startedAt: 0,
    endedAt: 1,
    recordsProcessed: 10,
    anomalies: 0,
    fieldsProfiled: null,
    checksSynchronized: null,
    message: null,
  };
}

function run(overrides: Partial<Run> = {}): Run {
  return makeRun({
    id: 7,
    state: 'failure',
    createdAt: 1_000,
    startedAt: 2_000,
    endedAt: 5_000,
    datastore: { id: 3, name: 'Sales', type: 'Snowflake' },
    progress: { processed: 2, total: 4 },
    recordsProcessed: 20,
    containers,
    ...overrides,
  });
}

test('the warning indicator shows only on a Success with logs (SPEC §1.2)', () => {
  for (const state of RUN_STATES) {
    expect(showsWarning({ state, hasLogs: true })).toBe(state === 'success');
    expect(showsWarning({ state, hasLogs: false })).toBe(false);
  }
});

test('remaining containers: those without a successful result, in order', () => {
  const withResults = run({
    containerResults: [result(1, 'success'), result(2, 'failure'), result(3, 'aborted')],
  });
  expect(remainingContainers(withResults)?.map((c) => c.id)).toEqual([2, 3, 4]);
  const withIds = run({ completedContainerIds: [1, 3] });
  expect(remainingContainers(withIds)?.map((c) => c.id)).toEqual([2, 4]);
  // Unknown when the server says neither.
  expect(remainingContainers(run())).toBeNull();
});

test('runFacts carries what the action rules need', () => {
  const failed = run({ completedContainerIds: [1] });
  expect(runFacts(failed)).toEqual({
    type: 'scan',
    state: 'failure',
    datastoreId: 3,
    remaining: 3,
    containers: failed.containers,
  });
  expect(runFacts(run()).remaining).toBeNull();
});

test('duration: none while Queued, live while Running, fixed once ended', () => {
  expect(durationMs({ state: 'queued', startedAt: null, endedAt: null }, 9_000)).toBeNull();
  expect(durationMs({ state: 'running', startedAt: 2_000, endedAt: null }, 9_000)).toBe(7_000);
  expect(durationMs({ state: 'success', startedAt: 2_000, endedAt: 5_000 }, 9_000)).toBe(3_000);
  // Aborted before it started: no duration.
  expect(durationMs({ state: 'aborted', startedAt: null, endedAt: 5_000 }, 9_000)).toBeNull();
  // A clock behind the server never gives a negative duration.
  expect(durationMs({ state: 'running', startedAt: 2_000, endedAt: null }, 1_000)).toBe(0);
});

test('only Profile and Scan have per-container results', () => {
  expect(hasContainerResults({ type: 'scan' })).toBe(true);
  expect(hasContainerResults({ type: 'profile' })).toBe(true);
  expect(hasContainerResults({ type: 'export' })).toBe(false);
  expect(hasContainerResults({ type: 'promote' })).toBe(false);
});

import { expect, test } from 'vitest';
import { isTransition } from '../../domain/lifecycle';
import type { Run } from '../../domain/run';
import { timelineOf } from './timeline';

const T = Date.UTC(2026, 10, 28, 12, 0, 0);
type Facts = Parameters<typeof timelineOf>[0];
const run = (facts: Partial<Facts>): Facts => ({
  type: 'scan',
  state: 'queued',
  createdAt: T,
  startedAt: null,
  endedAt: null,
  triggeredBy: 'grace@example.com',
  abortedBy: null,
  ...facts,
});

const path = (steps: ReturnType<typeof timelineOf>) => steps.map((s) => s.state);

test('a queued Run has only its creation', () => {
  const steps = timelineOf(run({}));
  expect(path(steps)).toEqual(['queued']);
  expect(steps[0]).toMatchObject({ at: T, kind: 'created', how: 'Created by grace@example.com' });
});

test('a finished Run: created Queued, picked up, ended, with the time between steps', () => {
  const steps = timelineOf(
    run({ state: 'success', startedAt: T + 60_000, endedAt: T + 10 * 60_000 }),
  );
  expect(path(steps)).toEqual(['queued', 'running', 'success']);
  expect(steps[1]).toMatchObject({ at: T + 60_000, kind: 'automatic', after: 60_000 });
  expect(steps[1]?.how).toBe('Worker picks it up');
  expect(steps[2]).toMatchObject({ at: T + 10 * 60_000, after: 9 * 60_000 });
});

test('a Run aborted while queued goes straight from Queued to Aborted, saying by whom', () => {
  const steps = timelineOf(
    run({ state: 'aborted', endedAt: T + 5_000, abortedBy: 'ada@example.com' }),
  );
  expect(path(steps)).toEqual(['queued', 'aborted']);
  expect(steps[1]).toMatchObject({ kind: 'user', how: 'Aborted by ada@example.com' });
});

test('Promote starts in Running: no Queued step', () => {
  const steps = timelineOf(
    run({ type: 'promote', state: 'failure', startedAt: T, endedAt: T + 1_000 }),
  );
  expect(path(steps)).toEqual(['running', 'failure']);
  expect(steps[0]?.how).toContain('directly in Running');
  expect(steps[1]).toMatchObject({ kind: 'error', how: 'Unrecoverable error' });
});

test('every step is a legal transition of the type', () => {
  const cases: Partial<Run>[] = [
    { state: 'running', startedAt: T + 1 },
    { state: 'failure', startedAt: T + 1, endedAt: T + 2 },
    { state: 'aborted', startedAt: T + 1, endedAt: T + 2 },
    { type: 'promote', state: 'success', startedAt: T, endedAt: T + 2 },
  ];
  for (const facts of cases) {
    const r = run(facts);
    const states = path(timelineOf(r));
    for (let i = 1; i < states.length; i++)
      expect(isTransition(r.type, states[i - 1] ?? 'queued', states[i] ?? 'queued')).toBe(true);
  }
});

import { expect, test } from 'vitest';
import {
  GENERAL_UNIT,
  LIFECYCLE_VARIANTS,
  TRANSITIONS,
  initialState,
  isTransition,
  statesFor,
  transitionsFor,
  transitionsFrom,
  unitWord,
} from './lifecycle';
import type { OperationType } from './operations';
import { OPERATION_TYPES } from './operations';
import { RUN_STATES } from './states';

const edge = (t: { from: string; to: string; kind: string }) => `${t.from} → ${t.to} (${t.kind})`;

test('the transition table of SPEC §1.1, with solid (automatic) and dotted edges', () => {
  expect(TRANSITIONS.map(edge)).toEqual([
    'queued → running (automatic)',
    'queued → aborted (user)',
    'running → success (automatic)',
    'running → failure (error)',
    'running → aborted (user)',
  ]);
  for (const t of TRANSITIONS) expect(t.label.length).toBeGreaterThan(0);
});

test('every type but Promote has the whole table; Promote has no Queued', () => {
  for (const type of OPERATION_TYPES) {
    if (type === 'promote') continue;
    expect(transitionsFor(type).map(edge)).toEqual(TRANSITIONS.map(edge));
    expect(statesFor(type)).toEqual(RUN_STATES);
    expect(initialState(type)).toBe('queued');
  }
  expect(transitionsFor('promote').map(edge)).toEqual([
    'running → success (automatic)',
    'running → failure (error)',
    'running → aborted (user)',
  ]);
  expect(statesFor('promote')).not.toContain('queued');
  expect(initialState('promote')).toBe('running');
});

test("the labels name each type's unit of work, from the operation table", () => {
  const done = (type: OperationType, unit?: string) =>
    transitionsFor(type, unit).find((t) => t.to === 'success')?.label;
  expect(done('promote')).toBe('every entity processed');
  expect(done('scan')).toBe('every table processed');
  expect(done('materialize')).toBe('every computed table processed');
  expect(done('catalog')).toBe('every container processed');
  // One drawing for several types speaks of containers, as SPEC §1.1 does.
  expect(done('scan', GENERAL_UNIT)).toBe('every container processed');
  expect(TRANSITIONS.map((t) => t.label)).toEqual([
    'worker picks it up',
    'user aborts',
    'every container processed',
    'unrecoverable error',
    'user or system aborts',
  ]);
  expect(LIFECYCLE_VARIANTS.map((v) => v.unit)).toEqual(['container', 'entity']);
  for (const type of OPERATION_TYPES) expect(unitWord(type)).toMatch(/^[a-z ]+$/);
});

test('isTransition answers the table for every type and pair of states', () => {
  const allowed = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
  for (const type of OPERATION_TYPES) {
    for (const from of RUN_STATES) {
      for (const to of RUN_STATES) {
        const expected = allowed.has(`${from}>${to}`) && (type !== 'promote' || from !== 'queued');
        expect(isTransition(type, from, to), `${type}: ${from} → ${to}`).toBe(expected);
      }
    }
  }
});

test('terminal states have no way out', () => {
  for (const type of OPERATION_TYPES) {
    for (const state of ['success', 'failure', 'aborted'] as const) {
      expect(transitionsFrom(type, state)).toEqual([]);
    }
  }
  expect(transitionsFrom('scan', 'queued').map((t) => t.to)).toEqual(['running', 'aborted']);
  expect(transitionsFrom('promote', 'queued')).toEqual([]);
});

test('the two lifecycle variants drawn on the Lifecycle page', () => {
  expect(LIFECYCLE_VARIANTS.map((v) => [v.id, v.representative])).toEqual([
    ['general', 'scan'],
    ['promote', 'promote'],
  ]);
});

import { describe, expect, test } from 'vitest';
import { makeRun } from '../../../test/run-fixture';
import type { ContainerResult, Run } from '../../domain/run';
import {
  alignContainers,
  compareCounters,
  compareSettings,
  comparability,
  deltaText,
} from './compare';

const container = (id: number, name: string) => ({
  id,
  name,
  containerType: 'table',
  tableType: null,
});

const result = (
  id: number,
  name: string,
  overrides: Partial<ContainerResult> = {},
): ContainerResult => ({
  id: id * 10,
  container: { id, name, containerType: 'table' },
  state: 'success',
  createdAt: 0,
  startedAt: 1_000,
  endedAt: 61_000,
  recordsProcessed: 100,
  anomalies: 0,
  fieldsProfiled: null,
  checksSynchronized: null,
  message: null,
  ...overrides,
});

describe('comparability', () => {
  test('two Runs of one type compare', () => {
    expect(comparability(makeRun({ id: 1 }), makeRun({ id: 2 }))).toBeNull();
  });
  test('one Run against itself is refused', () => {
    expect(comparability(makeRun({ id: 1 }), makeRun({ id: 1 }))).toMatch(/Both sides are Run #1/);
  });
  test('two types say which is which', () => {
    expect(
      comparability(makeRun({ id: 1, type: 'scan' }), makeRun({ id: 2, type: 'profile' })),
    ).toMatch(/^Run #1 is a Scan and Run #2 a Profile/);
    expect(comparability(makeRun({ id: 1, type: 'external_scan' }), makeRun({ id: 2 }))).toMatch(
      /^Run #1 is an External Scan and Run #2 a Scan/,
    );
  });
});

describe('settings', () => {
  test('every setting of either Run, the differing ones flagged', () => {
    const a = makeRun({
      settings: [
        { key: 'incremental', label: 'Incremental', value: true },
        { key: 'remediation', label: 'Remediation', value: 'none' },
      ],
    });
    const b = makeRun({
      settings: [
        { key: 'incremental', label: 'Incremental', value: false },
        { key: 'remediation', label: 'Remediation', value: 'none' },
        { key: 'prune', label: 'Prune missing containers', value: true },
      ],
    });
    expect(compareSettings(a, b)).toEqual([
      { key: 'incremental', label: 'Incremental', a: 'Yes', b: 'No', differs: true },
      { key: 'remediation', label: 'Remediation', a: 'none', b: 'none', differs: false },
      { key: 'prune', label: 'Prune missing containers', a: null, b: 'Yes', differs: true },
    ]);
  });
});

describe('counters', () => {
  test('deltas from A to B; a counter one side lacks has none', () => {
    const a = makeRun({
      progress: { processed: 3, total: 5 },
      recordsProcessed: 1_000,
      counters: [{ key: 'anomalies_identified', label: 'Anomalies identified', value: 7 }],
    });
    const b = makeRun({
      progress: { processed: 5, total: 5 },
      recordsProcessed: 800,
      counters: [{ key: 'partitions_scanned', label: 'Partitions scanned', value: 2 }],
    });
    expect(compareCounters(a, b).map((row) => [row.key, row.a, row.b, row.delta])).toEqual([
      ['processed', 3, 5, 2],
      ['records_processed', 1_000, 800, -200],
      ['anomalies_identified', 7, null, null],
      ['partitions_scanned', null, 2, null],
    ]);
  });
  test('a delta in words', () => {
    expect(deltaText(2)).toBe('+2');
    expect(deltaText(-1_200)).toBe(`−${(1200).toLocaleString()}`);
    expect(deltaText(0)).toBe('no change');
    expect(deltaText(null)).toBe('—');
  });
});

describe('containers aligned by name', () => {
  const parent: Run = makeRun({
    id: 27,
    state: 'aborted',
    containers: [container(1, 'orders'), container(2, 'customers'), container(3, 'events')],
    containerResults: [
      result(1, 'orders'),
      result(2, 'customers', { state: 'aborted', recordsProcessed: 40 }),
    ],
  });
  const resumed: Run = makeRun({
    id: 54,
    state: 'success',
    containers: [container(2, 'customers'), container(3, 'events'), container(4, 'refunds')],
    containerResults: [
      result(2, 'customers', { anomalies: 3 }),
      result(3, 'events', { message: 'Slow partition' }),
    ],
  });

  test('one row per name: A’s order, then B’s own; a side without it is null', () => {
    const rows = alignContainers(parent, resumed, 100_000);
    expect(rows.map((r) => r.name)).toEqual(['orders', 'customers', 'events', 'refunds']);
    expect(rows[0]?.b).toBeNull();
    expect(rows[0]?.differs).toBe(true);
    expect(rows[3]?.a).toBeNull();
  });

  test('states, records, anomalies and durations per side', () => {
    const [, customers, events, refunds] = alignContainers(parent, resumed, 100_000);
    expect(customers?.a).toEqual({
      state: 'aborted',
      records: 40,
      anomalies: 0,
      durationMs: 60_000,
      message: null,
    });
    expect(customers?.b).toMatchObject({ state: 'success', records: 100, anomalies: 3 });
    expect(customers?.differs).toBe(true);
    // Listed but never processed by the parent; processed by the Resume, with a message.
    expect(events?.a).toEqual({
      state: null,
      records: null,
      anomalies: null,
      durationMs: null,
      message: null,
    });
    expect(events?.b).toMatchObject({ state: 'success', message: 'Slow partition' });
    expect(refunds?.b?.state).toBeNull();
  });

  test('the same outcome is not flagged, whatever the durations', () => {
    const a = makeRun({ containerResults: [result(1, 'orders')] });
    const b = makeRun({ id: 2, containerResults: [result(1, 'orders', { endedAt: 99_000 })] });
    expect(alignContainers(a, b, 0)).toEqual([
      expect.objectContaining({ name: 'orders', differs: false }),
    ]);
  });
});

import { expect, test } from 'vitest';
import type { RunWire } from './contract';
import { runWireSchema } from './contract';
import { toLogEntry, toRun } from './map';

/** A Scan as the platform answers it, with every field of SPEC §3 and this project's extensions. */
const SCAN: RunWire = runWireSchema.parse({
  id: 56,
  type: 'scan',
  result: 'aborted',
  created: '2026-11-28T11:50:00.000Z',
  start_time: '2026-11-28T11:50:02.000Z',
  end_time: '2026-11-28T11:58:00.000Z',
  triggered_by: 'grace@example.com',
  schedule: { id: 2, name: 'Hourly incremental scan' },
  datastore: { id: 1, name: 'Sales Warehouse', type: 'Snowflake', store_type: 'jdbc' },
  message: null,
  tags: ['pii', { name: 'finance', color: '#f00' }],
  status: {
    total_containers: 3,
    containers_analyzed: 2,
    records_processed: 12_345,
    anomalies_identified: 7,
    partitions_scanned: 9,
    something_new: 1,
  },
  containers: [
    { id: 1001, name: 'orders', container_type: 'table', table_type: 'TABLE' },
    { id: 1002, name: 'orders_v', container_type: 'view', table_type: 'VIEW' },
    { id: 1003, name: 'customers', container_type: 'table' },
  ],
  container_scans: [
    {
      id: 1,
      created: '2026-11-28T11:50:07.000Z',
      container: { id: 1001, name: 'orders', container_type: 'table' },
      start_time: '2026-11-28T11:50:07.000Z',
      end_time: '2026-11-28T11:52:00.000Z',
      records_processed: 10_000,
      anomaly_count: 7,
      result: 'success',
      message: null,
    },
    {
      id: 2,
      created: '2026-11-28T11:52:00.000Z',
      container: { id: 1002, name: 'orders_v', container_type: 'view' },
      start_time: '2026-11-28T11:52:00.000Z',
      end_time: '2026-11-28T11:58:00.000Z',
      records_processed: 2_345,
      anomaly_count: 0,
      result: 'aborted',
      message: 'Aborted by ada@example.com',
    },
  ],
  incremental: false,
  remediation: 'none',
  max_records_analyzed_per_partition: 100_000,
  greater_than_time: null,
  high_count_rollup_threshold: 10,
  has_logs: true,
  aborted_by: 'ada@example.com',
  parent_id: 12,
  relaunch: 'resume',
  queue_position: null,
  children: [{ id: 70, relaunch: 'rerun' }],
  completed_container_ids: [1001],
});

test('a Scan maps to the dashboard model: times in ms, progress, counters, settings', () => {
  const run = toRun(SCAN);
  expect(run).toMatchObject({
    id: 56,
    type: 'scan',
    state: 'aborted',
    createdAt: Date.parse('2026-11-28T11:50:00.000Z'),
    startedAt: Date.parse('2026-11-28T11:50:02.000Z'),
    endedAt: Date.parse('2026-11-28T11:58:00.000Z'),
    triggeredBy: 'grace@example.com',
    schedule: { id: 2, name: 'Hourly incremental scan' },
    datastore: { id: 1, name: 'Sales Warehouse', type: 'Snowflake' },
    message: null,
    tags: ['pii', 'finance'],
    progress: { processed: 2, total: 3 },
    recordsProcessed: 12_345,
    hasLogs: true,
    abortedBy: 'ada@example.com',
    parentId: 12,
    relaunch: 'resume',
    queuePosition: null,
    children: [{ id: 70, relaunch: 'rerun' }],
    completedContainerIds: [1001],
  });
  expect(run.counters).toEqual([
    { key: 'records_processed', label: 'Records processed', value: 12_345 },
    { key: 'anomalies_identified', label: 'Anomalies identified', value: 7 },
    { key: 'partitions_scanned', label: 'Partitions scanned', value: 9 },
  ]);
  // Settings present, including false; null ones are left out.
  expect(run.settings.map((s) => [s.key, s.value])).toEqual([
    ['incremental', false],
    ['remediation', 'none'],
    ['max_records_analyzed_per_partition', 100_000],
    ['high_count_rollup_threshold', 10],
  ]);
  expect(run.settings[0]?.label).toBe('Incremental');
  expect(run.containers.map((c) => [c.id, c.tableType])).toEqual([
    [1001, 'TABLE'],
    [1002, 'VIEW'],
    [1003, null],
  ]);
  expect(run.containerResults).toEqual([
    {
      id: 1,
      container: { id: 1001, name: 'orders', containerType: 'table' },
      state: 'success',
      createdAt: Date.parse('2026-11-28T11:50:07.000Z'),
      startedAt: Date.parse('2026-11-28T11:50:07.000Z'),
      endedAt: Date.parse('2026-11-28T11:52:00.000Z'),
      recordsProcessed: 10_000,
      anomalies: 7,
      fieldsProfiled: null,
      checksSynchronized: null,
      message: null,
    },
    expect.objectContaining({ id: 2, state: 'aborted', message: 'Aborted by ada@example.com' }),
  ]);
});

test('a Profile maps its container profiles; other types have no per-container results', () => {
  const profile = toRun(
    runWireSchema.parse({
      ...SCAN,
      type: 'profile',
      container_scans: undefined,
      container_profiles: [
        {
          id: 3,
          created: '2026-11-28T11:50:07.000Z',
          container: { id: 1001, name: 'orders', container_type: 'table' },
          start_time: '2026-11-28T11:50:07.000Z',
          end_time: null,
          records_processed: 10,
          field_profiles_count: 12,
          checks_synchronized: 4,
          result: 'running',
          message: null,
        },
      ],
    }),
  );
  expect(profile.containerResults).toEqual([
    expect.objectContaining({
      state: 'running',
      endedAt: null,
      anomalies: null,
      fieldsProfiled: 12,
      checksSynchronized: 4,
    }),
  ]);
  expect(toRun({ ...SCAN, type: 'export' }).containerResults).toBeNull();
  // A Scan whose server sent no container results: unknown, not "none".
  expect(toRun({ ...SCAN, container_scans: undefined }).containerResults).toBeNull();
});

/** The platform's own shape, without this project's extensions (SPEC §3). */
function plain(overrides: Partial<RunWire>): RunWire {
  const wire: RunWire = { ...SCAN, ...overrides };
  delete wire.has_logs;
  delete wire.aborted_by;
  delete wire.parent_id;
  delete wire.relaunch;
  delete wire.queue_position;
  delete wire.children;
  delete wire.completed_container_ids;
  delete wire.containers;
  delete wire.container_scans;
  return runWireSchema.parse(wire);
}

test('without has_logs, a Success with a message counts as completed with logs', () => {
  expect(toRun(plain({ result: 'success', message: 'Completed with 2 warnings' })).hasLogs).toBe(
    true,
  );
  expect(toRun(plain({ result: 'success', message: null })).hasLogs).toBe(false);
  expect(toRun(plain({ result: 'failure', message: 'Connection lost' })).hasLogs).toBe(false);
  // When the server says, the server is right.
  expect(toRun({ ...SCAN, result: 'success', message: 'note', has_logs: false }).hasLogs).toBe(
    false,
  );
  expect(toRun({ ...SCAN, result: 'success', message: null, has_logs: true }).hasLogs).toBe(true);
});

test('absent extensions map to "unknown", never to something false', () => {
  const run = toRun(plain({ result: 'aborted' }));
  expect(run).toMatchObject({
    parentId: null,
    relaunch: null,
    queuePosition: null,
    children: null,
    completedContainerIds: null,
    containers: [],
    containerResults: null,
  });
  // Who aborted it is unknown (undefined), which is not "nobody" (null).
  expect(run.abortedBy).toBeUndefined();
  expect(toRun({ ...SCAN, aborted_by: null }).abortedBy).toBeNull();
  expect(toRun(plain({ tags: undefined })).tags).toEqual([]);
  expect(toRun(plain({ datastore: { id: 4, name: 'Ops' } })).datastore.type).toBeNull();
});

test('a queue position only counts while Queued', () => {
  expect(toRun({ ...SCAN, result: 'queued', queue_position: 3 }).queuePosition).toBe(3);
  expect(toRun({ ...SCAN, result: 'running', queue_position: 3 }).queuePosition).toBeNull();
  expect(toRun({ ...SCAN, result: 'queued', queue_position: undefined }).queuePosition).toBeNull();
});

test('log entries map their time to ms and keep their text as it is', () => {
  expect(
    toLogEntry({
      seq: 120,
      time: '2026-11-28T11:52:00.000Z',
      level: 'warning',
      message: "value '<img src=x onerror=alert(1)>' is not a valid date",
      container_id: null,
    }),
  ).toEqual({
    seq: 120,
    time: Date.parse('2026-11-28T11:52:00.000Z'),
    level: 'warning',
    message: "value '<img src=x onerror=alert(1)>' is not a valid date",
    containerId: null,
    line: null, // no `line` from a SPEC §3 server
  });
});

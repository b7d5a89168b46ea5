/** The one place where the API's wire shape becomes the dashboard's model. */
import { COUNTER_LABELS, TYPED_COUNTER_KEYS } from '../domain/counters';
import type { ContainerResult, Counter, Run, Setting } from '../domain/run';
import { SETTING_KEYS, SETTING_LABELS } from '../domain/settings';
import type {
  ConcurrencyWire,
  ContainerProfileWire,
  ContainerScanWire,
  LogEntryWire,
  RunWire,
} from './contract';

const ms = (iso: string): number => Date.parse(iso);
const msOrNull = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function toRun(wire: RunWire): Run {
  const counters: Counter[] = [
    {
      key: 'records_processed',
      label: COUNTER_LABELS.records_processed,
      value: wire.status.records_processed,
    },
  ];
  for (const key of TYPED_COUNTER_KEYS) {
    const value = wire.status[key];
    if (typeof value === 'number') counters.push({ key, label: COUNTER_LABELS[key], value });
  }
  const settings: Setting[] = [];
  for (const key of SETTING_KEYS) {
    const value = wire[key];
    if (value !== undefined && value !== null)
      settings.push({ key, label: SETTING_LABELS[key], value });
  }
  return {
    id: wire.id,
    type: wire.type,
    state: wire.result,
    createdAt: ms(wire.created),
    startedAt: msOrNull(wire.start_time),
    endedAt: msOrNull(wire.end_time),
    triggeredBy: wire.triggered_by,
    schedule: wire.schedule ? { id: wire.schedule.id, name: wire.schedule.name } : null,
    datastore: {
      id: wire.datastore.id,
      name: wire.datastore.name,
      type: wire.datastore.type ?? null,
    },
    message: wire.message,
    tags: (wire.tags ?? []).map((t) => (typeof t === 'string' ? t : t.name)),
    progress: { processed: wire.status.containers_analyzed, total: wire.status.total_containers },
    recordsProcessed: wire.status.records_processed,
    counters,
    containers: (wire.containers ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      containerType: c.container_type,
      tableType: c.table_type ?? null,
    })),
    containerResults: containerResults(wire),
    settings,
    // SPEC §3: when the server omits has_logs, a Success with a message counts as "with logs".
    hasLogs: wire.has_logs ?? (wire.result === 'success' && wire.message !== null),
    abortedBy: wire.aborted_by,
    parentId: wire.parent_id ?? null,
    relaunch: wire.relaunch ?? null,
    queuePosition: wire.result === 'queued' ? (wire.queue_position ?? null) : null,
    children: wire.children ? wire.children.map((c) => ({ id: c.id, relaunch: c.relaunch })) : null,
    completedContainerIds: wire.completed_container_ids ?? null,
    issues: [],
  };
}

function containerResults(wire: RunWire): ContainerResult[] | null {
  if (wire.type === 'scan') return wire.container_scans ? wire.container_scans.map(fromScan) : null;
  if (wire.type === 'profile') {
    return wire.container_profiles ? wire.container_profiles.map(fromProfile) : null;
  }
  return null;
}

function base(w: ContainerScanWire | ContainerProfileWire) {
  return {
    id: w.id,
    container: {
      id: w.container.id,
      name: w.container.name,
      containerType: w.container.container_type,
    },
    state: w.result,
    createdAt: ms(w.created),
    startedAt: msOrNull(w.start_time),
    endedAt: msOrNull(w.end_time),
    recordsProcessed: w.records_processed,
    message: w.message,
  };
}

const fromScan = (w: ContainerScanWire): ContainerResult => ({
  ...base(w),
  anomalies: w.anomaly_count,
  fieldsProfiled: null,
  checksSynchronized: null,
});

const fromProfile = (w: ContainerProfileWire): ContainerResult => ({
  ...base(w),
  anomalies: null,
  fieldsProfiled: w.field_profiles_count,
  checksSynchronized: w.checks_synchronized,
});

export interface LogEntry {
  readonly seq: number;
  readonly time: number;
  readonly level: LogEntryWire['level'];
  readonly message: string;
  readonly containerId: number | null;
  /** 1-based position within its own log, when the server says (extension); else null. */
  readonly line: number | null;
}

export const toLogEntry = (w: LogEntryWire): LogEntry => ({
  seq: w.seq,
  time: ms(w.time),
  level: w.level,
  message: w.message,
  containerId: w.container_id,
  line: w.line ?? null,
});

/** Runs holding a worker (Running) and waiting for one (Queued) at one time. */
export interface ConcurrencyCounts {
  readonly running: number;
  readonly queued: number;
}

/** Extension: Running and Queued over the last hours, one sample every 15 minutes. */
export interface Concurrency {
  /** How many Runs can hold a worker at once; null when the server does not say. */
  readonly workerLimit: number | null;
  readonly now: ConcurrencyCounts;
  /** Oldest first; `time` in ms. */
  readonly samples: readonly (ConcurrencyCounts & { readonly time: number })[];
}

export const toConcurrency = (w: ConcurrencyWire): Concurrency => ({
  workerLimit: w.worker_limit,
  now: { running: w.now.running, queued: w.now.queued },
  samples: w.samples.map((s) => ({ time: ms(s.time), running: s.running, queued: s.queued })),
});

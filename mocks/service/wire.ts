/** A simulated Run in the wire shape of SPEC §3: the list shape, or the detail shape. */
import type { RunWire } from '../../src/api/contract';
import { datastoreById } from '../db/catalog';
import type { RunChild } from '../db/store';
import type { SimRun } from '../engine/run-model';

/** What the wire shape shows beyond the Run itself: its place in the queue and its children. */
export interface WireSources {
  readonly queuePosition: (run: SimRun) => number | null;
  readonly children: (id: number) => readonly RunChild[];
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function toWire(run: SimRun, detail: boolean, sources: WireSources): RunWire {
  const datastore = datastoreById(run.datastoreId);
  const status: RunWire['status'] = {
    total_containers: run.containers.length,
    containers_analyzed: run.analyzed,
    records_processed: run.records,
  };
  if (run.type === 'scan') {
    status.anomalies_identified = run.anomalies;
    status.partitions_scanned = run.partitions;
  }
  if (run.type === 'profile') {
    status.fields_profiled = run.fieldsProfiled;
    status.checks_synchronized = run.checksSynchronized;
  }
  const wire: RunWire = {
    id: run.id,
    type: run.type,
    result: run.state,
    created: iso(run.created),
    start_time: run.startTime === null ? null : iso(run.startTime),
    end_time: run.endTime === null ? null : iso(run.endTime),
    triggered_by: run.triggeredBy,
    schedule: run.schedule,
    datastore: {
      id: run.datastoreId,
      name: datastore?.name ?? `#${run.datastoreId}`,
      type: datastore?.type ?? 'unknown',
    },
    message: run.message,
    tags: [...run.tags],
    status,
    ...run.settings,
    has_logs: run.warnings > 0,
    aborted_by: run.abortedBy,
    parent_id: run.parentId,
    relaunch: run.relaunch,
    queue_position: sources.queuePosition(run),
    children: [...sources.children(run.id)],
  };
  if (detail) addDetail(wire, run);
  return wire;
}

/** The detail shape adds the containers and the per-container results (Scan, Profile). */
function addDetail(wire: RunWire, run: SimRun): void {
  wire.containers = run.containers.map((c) => ({
    id: c.id,
    name: c.name,
    container_type: c.containerType,
    table_type: c.tableType,
  }));
  wire.completed_container_ids = [...run.completed];
  const results = run.results.map((r) => ({
    id: r.id,
    created: iso(r.created),
    container: {
      id: r.container.id,
      name: r.container.name,
      container_type: r.container.containerType,
    },
    start_time: iso(r.startTime),
    end_time: r.endTime === null ? null : iso(r.endTime),
    records_processed: r.records,
    result: r.result,
    message: r.message,
  }));
  if (run.type === 'scan') {
    wire.container_scans = results.map((r, i) => ({
      ...r,
      anomaly_count: run.results[i]?.anomalies ?? 0,
    }));
  }
  if (run.type === 'profile') {
    wire.container_profiles = results.map((r, i) => ({
      ...r,
      field_profiles_count: run.results[i]?.fieldsProfiled ?? 0,
      checks_synchronized: run.results[i]?.checksSynchronized ?? 0,
    }));
  }
}

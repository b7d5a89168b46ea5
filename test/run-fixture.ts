/** A Run of the dashboard's model with plain defaults (a Running Scan), for pure tests. */
import type { Run } from '../src/domain/run';

const DEFAULTS: Run = {
  id: 123,
  type: 'scan',
  state: 'running',
  createdAt: 0,
  startedAt: 1,
  endedAt: null,
  triggeredBy: 'System',
  schedule: null,
  datastore: { id: 1, name: 'Sales Warehouse', type: 'Snowflake' },
  message: null,
  tags: [],
  progress: { processed: 4, total: 14 },
  recordsProcessed: 0,
  counters: [],
  containers: [],
  containerResults: null,
  settings: [],
  hasLogs: false,
  abortedBy: null,
  parentId: null,
  relaunch: null,
  queuePosition: null,
  children: null,
  completedContainerIds: null,
  issues: [],
};

export function makeRun(overrides: Partial<Run> = {}): Run {
  return { ...DEFAULTS, ...overrides };
}

/**
 * Comparing two Runs, the pure part: whether they can be compared, their settings side by side
 * (which differ), their counters with the change from A to B, and their per-container results
 * aligned by container name (a container only one of them touched still gets its row).
 */
import { operationLabel } from '../../domain/operations';
import type { ContainerResult, Run, Setting } from '../../domain/run';
import { durationMs } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { isActive } from '../../domain/states';
import { formatCount, formatDuration } from '../../lib/time';

/** "a Scan", "an External Scan". */
const withArticle = (label: string): string => `${/^[AEIOU]/i.test(label) ? 'an' : 'a'} ${label}`;

/** Why two Runs cannot be compared field by field, or null when they can. */
export function comparability(
  a: Pick<Run, 'id' | 'type'>,
  b: Pick<Run, 'id' | 'type'>,
): string | null {
  if (a.id === b.id) return `Both sides are Run #${a.id}: choose two different Runs.`;
  if (a.type !== b.type)
    return `Run #${a.id} is ${withArticle(operationLabel(a.type))} and Run #${b.id} ${withArticle(operationLabel(b.type))}: only Runs of the same type have the same settings, counters and containers to compare. Their header facts are shown side by side.`;
  return null;
}

export interface SettingRow {
  readonly key: string;
  readonly label: string;
  /** The setting as shown; null when that Run does not carry it. */
  readonly a: string | null;
  readonly b: string | null;
  readonly differs: boolean;
}

export function settingText(setting: Setting): string {
  if (typeof setting.value === 'boolean') return setting.value ? 'Yes' : 'No';
  if (typeof setting.value === 'number') return formatCount(setting.value);
  return setting.value;
}

/** Every setting either Run carries, in A's order then B's own. */
export function compareSettings(a: Run, b: Run): SettingRow[] {
  const keys = unionInOrder(
    a.settings.map((s) => s.key),
    b.settings.map((s) => s.key),
  );
  return keys.map((key) => {
    const left = a.settings.find((s) => s.key === key);
    const right = b.settings.find((s) => s.key === key);
    const label = left?.label ?? right?.label ?? key;
    const textA = left ? settingText(left) : null;
    const textB = right ? settingText(right) : null;
    return { key, label, a: textA, b: textB, differs: textA !== textB };
  });
}

export interface CounterRow {
  readonly key: string;
  readonly label: string;
  readonly a: number | null;
  readonly b: number | null;
  /** B minus A; null when either side lacks the counter. */
  readonly delta: number | null;
}

const counterRow = (
  key: string,
  label: string,
  a: number | null,
  b: number | null,
): CounterRow => ({
  key,
  label,
  a,
  b,
  delta: a === null || b === null ? null : b - a,
});

/** Units processed, records processed, then every type-specific counter either Run has. */
export function compareCounters(a: Run, b: Run): CounterRow[] {
  const rows: CounterRow[] = [
    counterRow('processed', 'Processed', a.progress.processed, b.progress.processed),
    counterRow('records_processed', 'Records processed', a.recordsProcessed, b.recordsProcessed),
  ];
  const keys = unionInOrder(
    a.counters.map((c) => c.key),
    b.counters.map((c) => c.key),
  ).filter((key) => key !== 'records_processed');
  for (const key of keys) {
    const left = a.counters.find((c) => c.key === key);
    const right = b.counters.find((c) => c.key === key);
    rows.push(
      counterRow(
        key,
        left?.label ?? right?.label ?? key,
        left?.value ?? null,
        right?.value ?? null,
      ),
    );
  }
  return rows;
}

/** "+12", "−3", "no change", or "—" when one side has no value. */
export function deltaText(
  delta: number | null,
  format: (n: number) => string = formatCount,
): string {
  if (delta === null) return '—';
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** One container's outcome in one Run. */
export interface ContainerSide {
  /** Null: the Run lists the container but has not processed it (or never did). */
  readonly state: RunState | null;
  readonly records: number | null;
  readonly anomalies: number | null;
  readonly durationMs: number | null;
  readonly message: string | null;
}

export interface ContainerRow {
  readonly name: string;
  /** Null: the container is not part of that Run at all. */
  readonly a: ContainerSide | null;
  readonly b: ContainerSide | null;
  readonly differs: boolean;
}

function sideOf(result: ContainerResult, now: number): ContainerSide {
  return {
    state: result.state,
    records: result.recordsProcessed,
    anomalies: result.anomalies,
    durationMs: durationMs(result, now),
    message: result.message,
  };
}

const NOT_PROCESSED: ContainerSide = {
  state: null,
  records: null,
  anomalies: null,
  durationMs: null,
  message: null,
};

/** A Run's containers by name, in its order: its results, then the containers it has not reached. */
function sidesByName(run: Run, now: number): Map<string, ContainerSide> {
  const sides = new Map<string, ContainerSide>();
  for (const result of run.containerResults ?? [])
    sides.set(result.container.name, sideOf(result, now));
  for (const container of run.containers)
    if (!sides.has(container.name)) sides.set(container.name, NOT_PROCESSED);
  return sides;
}

function sidesDiffer(a: ContainerSide | null, b: ContainerSide | null): boolean {
  if (a === null || b === null) return a !== b;
  return (
    a.state !== b.state ||
    a.records !== b.records ||
    a.anomalies !== b.anomalies ||
    (a.message ?? '') !== (b.message ?? '')
  );
}

/**
 * The containers of both Runs, one row per container name (A's order, then those only B has),
 * each with its outcome on both sides; `differs` when state, records, anomalies or message differ
 * (durations always differ a little, and are shown, not flagged).
 */
export function alignContainers(a: Run, b: Run, now: number): ContainerRow[] {
  const left = sidesByName(a, now);
  const right = sidesByName(b, now);
  return unionInOrder([...left.keys()], [...right.keys()]).map((name) => {
    const sideA = left.get(name) ?? null;
    const sideB = right.get(name) ?? null;
    return { name, a: sideA, b: sideB, differs: sidesDiffer(sideA, sideB) };
  });
}

/** The Run's own duration now (live while active), in words. */
export function runDurationText(run: Run, now: number): string {
  const ms = durationMs(run, now);
  if (ms === null) return 'Not started';
  return isActive(run.state) ? `${formatDuration(ms)} so far` : formatDuration(ms);
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  return [...first, ...second.filter((key) => !seen.has(key))];
}

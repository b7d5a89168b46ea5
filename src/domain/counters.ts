/**
 * A Run's summary counters (SPEC §3: `status`): records processed, which every Run has, then the
 * type-specific counters beside it, in the order a Run shows them, with their labels.
 */
export const TYPED_COUNTER_KEYS = [
  'anomalies_identified',
  'partitions_scanned',
  'fields_profiled',
  'checks_synchronized',
] as const;
export type TypedCounterKey = (typeof TYPED_COUNTER_KEYS)[number];
export type CounterKey = 'records_processed' | TypedCounterKey;

export const COUNTER_LABELS: Readonly<Record<CounterKey, string>> = {
  records_processed: 'Records processed',
  anomalies_identified: 'Anomalies identified',
  partitions_scanned: 'Partitions scanned',
  fields_profiled: 'Fields profiled',
  checks_synchronized: 'Checks synchronized',
};

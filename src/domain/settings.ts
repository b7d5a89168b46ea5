/**
 * The settings a Run can carry (SPEC §3: top-level fields of its type), in the order a Run shows
 * them, with their labels. The contract builds the wire schema's setting fields from the keys.
 */
export const SETTING_KEYS = [
  'incremental',
  'remediation',
  'max_records_analyzed_per_partition',
  'greater_than_time',
  'greater_than_batch',
  'high_count_rollup_threshold',
  'enrichment_source_record_limit',
  'inference_threshold',
  'infer_as_draft',
  'prune',
  'recreate',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  incremental: 'Incremental',
  remediation: 'Remediation',
  max_records_analyzed_per_partition: 'Max records analyzed per partition',
  greater_than_time: 'Starting time threshold',
  greater_than_batch: 'Starting batch threshold',
  high_count_rollup_threshold: 'High count rollup threshold',
  enrichment_source_record_limit: 'Enrichment source record limit',
  inference_threshold: 'Inference threshold',
  infer_as_draft: 'Infer checks as draft',
  prune: 'Prune missing containers',
  recreate: 'Recreate existing',
};

/** The settings a Run of each type uses when its creator names none, drawn from its own rng. */
import type { OperationType } from '../../src/domain/operations';
import type { Random } from '../engine/random';
import type { Settings } from '../engine/run-model';

export function defaultSettings(type: OperationType, rng: Random): Settings {
  switch (type) {
    case 'scan':
      return {
        incremental: rng.chance(0.6),
        remediation: rng.pick(['none', 'append', 'overwrite']),
        max_records_analyzed_per_partition: rng.pick([10_000, 100_000, 1_000_000]),
        greater_than_time: null,
        greater_than_batch: null,
        high_count_rollup_threshold: 10,
        enrichment_source_record_limit: 10,
      };
    case 'profile':
      return {
        inference_threshold: rng.int(0, 5),
        max_records_analyzed_per_partition: rng.pick([100_000, 1_000_000]),
        infer_as_draft: rng.chance(0.5),
      };
    case 'catalog':
      return { prune: rng.chance(0.3), recreate: rng.chance(0.2) };
    case 'external_scan':
    case 'export':
    case 'materialize':
    case 'promote':
      return {};
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

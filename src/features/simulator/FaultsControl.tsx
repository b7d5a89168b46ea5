/**
 * The simulator's fault injection, switched from its panel (SPEC §6 `flaky`): watch the dashboard
 * ride out an API that fails some answers, is down, or never answers — and heal when it is back.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FaultMode } from '../../api/contract';
import { FAULT_MODES } from '../../api/contract';
import { simFaultsMutation, simFaultsQuery } from '../../queries/sim';

const MODE_LABELS: Readonly<Record<FaultMode, string>> = {
  none: 'None: every answer as it should be',
  flaky: 'Flaky: some answers fail, are slow or cut',
  down: 'Down: every answer is a 503',
  hang: 'Hang: no answer ever comes',
};

/** What the folded strip says while faults are on (words, not a colour). */
export function faultsNote(mode: FaultMode | undefined): string {
  return mode === undefined || mode === 'none' ? '' : ` · API ${mode}`;
}

export function useFaultMode(): FaultMode | undefined {
  return useQuery(simFaultsQuery()).data?.mode;
}

export function FaultsControl({ onError }: { onError: (error: unknown) => void }) {
  const queryClient = useQueryClient();
  const mode = useFaultMode();
  const mutation = useMutation({ ...simFaultsMutation(queryClient), onError });
  return (
    <fieldset>
      <legend>API faults</legend>
      <select
        aria-label="API faults"
        value={mode ?? 'none'}
        disabled={mode === undefined}
        onChange={(e) => {
          const next = FAULT_MODES.find((m) => m === e.target.value);
          if (next) mutation.mutate({ mode: next });
        }}
      >
        {FAULT_MODES.map((m) => (
          <option key={m} value={m}>
            {MODE_LABELS[m]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

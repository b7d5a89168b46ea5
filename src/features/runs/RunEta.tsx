/**
 * "Estimate: About 6 minutes left, based on the last 8 Scan Runs" for an active Run, from the
 * durations of the last successful Runs of its type on its datastore; nothing without that
 * history (or while it loads, or when it cannot be read: an estimate is never a guess). The
 * basis shows on hover and on keyboard focus.
 */
import { useQuery } from '@tanstack/react-query';
import { Tooltip } from '../../components/ui/Tooltip';
import { estimateEta, etaBasis } from '../../domain/eta';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useNow } from '../../lib/now';
import { runHistoryQuery } from '../../queries/history';
import { etaBasisText, etaText } from './eta-words';
import { Fact } from './Fact';

export function RunEta({ run }: { run: Run }) {
  const active = isActive(run.state);
  const history = useQuery({ ...runHistoryQuery(run.type, run.datastore.id), enabled: active });
  const now = useNow(active);
  const basis = history.data ? etaBasis(history.data, run.id) : null;
  const eta = active ? estimateEta(run, basis, now) : null;
  if (!eta) return null;
  const label = operationLabel(run.type);
  return (
    <Fact term="Estimate">
      <Tooltip content={etaBasisText(eta.basis, label, run.datastore.name)}>
        <span className="run-eta" tabIndex={0}>
          {etaText(eta, label)}
        </span>
      </Tooltip>
    </Fact>
  );
}

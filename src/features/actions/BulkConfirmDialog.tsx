import { Dialog } from '../../components/ui/Dialog';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { actionLabel } from '../../domain/actions';
import { operationLabel } from '../../domain/operations';
import type { BulkActionState } from './bulk-action-reducer';
import { dialogStep } from './bulk-action-reducer';
import { runsWord } from './bulk';
import { ConfirmFooter } from './ConfirmFooter';
import { busyLabel } from './run-notice';

/** How many Runs the confirmation lists by name; the rest are counted. */
const LISTED = 50;

/**
 * The confirmation of a bulk action: the eligible Runs by name, what stays and what goes, and
 * how many of the selection are left as they are. Stays open, busy, with the count of answers,
 * while the batch is out.
 */
export function BulkConfirmDialog({
  state,
  onConfirm,
  onClose,
  onCloseAutoFocus,
}: {
  state: BulkActionState;
  onConfirm: () => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const step = dialogStep(state);
  const n = step?.batch.runs.length ?? 0;
  const abort = step?.batch.action === 'abort';
  const busy = step?.step === 'sending';
  return (
    <Dialog
      open={step !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={step ? `${actionLabel(step.batch.action)} ${n} ${runsWord(n)}?` : ''}
      description={
        abort
          ? 'The worker stops each of them as soon as possible. Partial results are kept.'
          : 'This cannot be undone: the Run records and their summaries are removed. Anomalies and other artifacts they produced stay.'
      }
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        step ? (
          <ConfirmFooter
            label={`${actionLabel(step.batch.action)} ${n} ${runsWord(n)}`}
            busyLabel={busyLabel(step.batch.action)}
            busy={busy}
            danger
            // While sending the button is busy; the reducer would refuse a confirm anyway.
            onConfirm={onConfirm}
          />
        ) : null
      }
    >
      {step ? (
        <>
          <ul className="confirm__list" aria-label={`Runs to ${abort ? 'abort' : 'delete'}`}>
            {step.batch.runs.slice(0, LISTED).map((run) => (
              <li key={run.id}>
                Run #{run.id} · {operationLabel(run.type)} on {run.datastore.name}{' '}
                <StatusBadge state={run.state} size="sm" />
              </li>
            ))}
          </ul>
          {n > LISTED ? <p className="muted">and {n - LISTED} more</p> : null}
          {step.skipped > 0 ? (
            <p className="muted">
              {step.skipped} other selected {runsWord(step.skipped)}{' '}
              {step.skipped === 1 ? 'is' : 'are'} left as{' '}
              {step.skipped === 1 ? 'it is' : 'they are'}.
            </p>
          ) : null}
          <p role="status">{busy ? `${step.answered} of ${n} answered` : null}</p>
        </>
      ) : null}
    </Dialog>
  );
}

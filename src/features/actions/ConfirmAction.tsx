import type { ReactNode } from 'react';
import { Dialog } from '../../components/ui/Dialog';
import type { ActionKind } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import { operationInfo, progressText, remainingText } from '../../domain/operations';
import type { ContainerRef, Run } from '../../domain/run';
import { remainingContainers } from '../../domain/run';
import { ConfirmFooter } from './ConfirmFooter';
import { busyLabel } from './run-notice';

/** The words of one action's confirmation: what happens, and what stays and what goes. */
export function confirmation(
  action: ActionKind,
  run: Run,
): { title: string; description: string; body: ReactNode; confirm: string; danger: boolean } {
  const id = `Run #${run.id}`;
  const info = operationInfo(run.type);
  const unit = info.unit.toLowerCase();
  switch (action) {
    case 'abort':
      return {
        title: `Abort ${id}?`,
        description: `The worker stops this ${info.label} Run as soon as possible. Partial results are kept.`,
        body: (
          <p>
            {run.state === 'queued'
              ? 'It has not started yet, so nothing was processed.'
              : `${progressText(run.type, run.progress.processed, run.progress.total)} processed so far keep their results.`}
          </p>
        ),
        confirm: `Abort ${id}`,
        danger: true,
      };
    case 'resume': {
      const remaining = remainingContainers(run);
      return {
        title: `Resume ${id}?`,
        description:
          remaining === null
            ? `A new Run with the same configuration processes only the ${unit} this one did not finish.`
            : `A new Run with the same configuration processes only the ${remainingText(run.type, remaining.length)}.`,
        body:
          remaining === null ? (
            <p>The server does not say which {unit} finished.</p>
          ) : (
            <ContainerList
              label={`${info.unit} to process`}
              containers={remaining}
              unit={info.unit}
            />
          ),
        confirm: `Resume ${id}`,
        danger: false,
      };
    }
    case 'rerun':
      return {
        title: `Rerun ${id}?`,
        description: `A new Run with the same configuration processes every ${info.unitSingular.toLowerCase()} again, from scratch. This Run stays as it is.`,
        body:
          run.containers.length > 0 ? (
            <ContainerList
              label={`${info.unit} to process`}
              containers={run.containers}
              unit={info.unit}
            />
          ) : null,
        confirm: `Rerun ${id}`,
        danger: false,
      };
    case 'delete':
      return {
        title: `Delete ${id}?`,
        description:
          'This cannot be undone: the Run record and its summary are removed. Anomalies and other artifacts it produced stay.',
        body: null,
        confirm: `Delete ${id}`,
        danger: true,
      };
    default:
      return assertNever(action, 'action');
  }
}

function ContainerList({
  label,
  containers,
  unit,
}: {
  label: string;
  containers: readonly ContainerRef[];
  unit: string;
}) {
  return (
    <>
      <p className="confirm__list-title">
        {label} ({containers.length})
      </p>
      {containers.length === 0 ? (
        <p className="muted">No {unit.toLowerCase()}.</p>
      ) : (
        <ul className="confirm__list" aria-label={label}>
          {containers.map((c) => (
            <li key={c.id}>
              <span className="mono">{c.name}</span>{' '}
              <span className="muted">{c.tableType ?? c.containerType}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The confirmation dialog of one Run's action; stays open, busy, while its request is in flight. */
export function ConfirmAction({
  action,
  run,
  pending,
  onConfirm,
  onClose,
  onCloseAutoFocus,
}: {
  /** The action being confirmed; null when the dialog is closed. */
  action: ActionKind | null;
  run: Run;
  pending: boolean;
  onConfirm: (action: ActionKind) => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  // Keep the last words while the dialog animates closed; nothing to show before the first open.
  const words = action ? confirmation(action, run) : null;
  return (
    <Dialog
      open={action !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={words?.title ?? ''}
      description={words?.description ?? ''}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        action && words ? (
          <ConfirmFooter
            label={words.confirm}
            busyLabel={busyLabel(action)}
            busy={pending}
            danger={words.danger}
            onConfirm={() => onConfirm(action)}
          />
        ) : null
      }
    >
      {words?.body}
    </Dialog>
  );
}

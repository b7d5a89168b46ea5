import type { Ref } from 'react';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { operationLabel } from '../../domain/operations';
import type { BulkActionState } from './bulk-action-reducer';
import { bulkSummary } from './bulk-outcome';

/**
 * What a bulk action came to: a one-sentence summary in a status region that is always in the
 * document (so it is announced), the outcome of each Run, and a retry of those not sent.
 */
export function BulkOutcomeList({
  outcome,
  summaryRef,
  onRetry,
  onDismiss,
}: {
  /** The outcome on screen (`outcomeOnScreen`), or null. */
  outcome: Extract<BulkActionState, { step: 'done' }> | null;
  /** The summary, focusable from script, to move focus to once the confirmation closes. */
  summaryRef: Ref<HTMLParagraphElement>;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const retryable = outcome?.notSent.length ?? 0;
  return (
    <>
      <p role="status" ref={summaryRef} tabIndex={-1} className="bulk-bar__summary">
        {outcome ? bulkSummary(outcome.outcome.batch.action, outcome.outcome.items) : null}
      </p>
      {outcome ? (
        <>
          <ul className="bulk-bar__outcomes" aria-label="Outcome per Run">
            {outcome.outcome.items.map((item) => (
              <li key={item.id} className={`bulk-outcome--${item.status}`}>
                Run #{item.id} ({operationLabel(item.run.type)}):{' '}
                {item.state ? (
                  <>
                    <StatusBadge state={item.state} size="sm" />{' '}
                  </>
                ) : null}
                {item.text}
              </li>
            ))}
          </ul>
          <div className="bulk-bar__row">
            {retryable > 0 ? (
              <button type="button" className="button button--small" onClick={onRetry}>
                {`Retry the ${retryable} not sent`}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={onDismiss}
            >
              Dismiss
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}

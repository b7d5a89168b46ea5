import { actionLabel } from '../../domain/actions';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import type { BulkAction } from '../../queries/run-actions';
import { eligibility } from './bulk';

const BULK_ACTIONS: readonly BulkAction[] = ['abort', 'delete'];

/**
 * One button per bulk action, counting only the selected Runs it applies to ("Abort 3 of 5
 * selected"); an action that applies to none has no button, only the reason.
 */
export function BulkActionButtons({
  scope,
  user,
  busy,
  onOpen,
}: {
  /** Every selected Run (all those matching the filters, when that is the selection). */
  scope: readonly Run[];
  user: ActingUser;
  /** A batch is out: the buttons say so and do nothing. */
  busy: boolean;
  onOpen: (action: BulkAction, eligible: readonly Run[], skipped: number) => void;
}) {
  return BULK_ACTIONS.map((action) => {
    const { eligible, reason } = eligibility(action, scope, user);
    if (eligible.length === 0) {
      return (
        <span key={action} className="muted">
          {`No selected Run can be ${action === 'abort' ? 'aborted' : 'deleted'}`}
          {reason ? ` (${reason})` : ''}
        </span>
      );
    }
    return (
      <button
        key={action}
        type="button"
        className="button button--danger"
        aria-disabled={busy}
        onClick={() => {
          if (!busy) onOpen(action, eligible, scope.length - eligible.length);
        }}
      >
        {`${actionLabel(action)} ${eligible.length} of ${scope.length} selected`}
      </button>
    );
  });
}

/**
 * Bulk Abort and Delete over the Runs selected in the Activity table (SPEC §5): the buttons count
 * only the Runs the action applies to ("Abort 3 of 5 selected"), a confirmation lists them, the
 * requests go out a few at a time, and the outcome is said per Run. The steps are
 * `useBulkAction`'s; this bar lays them out.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ListRunsQuery } from '../../api/contract';
import { ErrorState } from '../../components/ui/ErrorState';
import type { Run } from '../../domain/run';
import { matchingRunsQuery } from '../../queries/matching';
import { meQuery } from '../../queries/platform';
import { outcomeOnScreen } from './bulk-action-reducer';
import { runsWord } from './bulk';
import { BulkActionButtons } from './BulkActionButtons';
import { BulkConfirmDialog } from './BulkConfirmDialog';
import { BulkOutcomeList } from './BulkOutcomeList';
import { useBulkAction } from './use-bulk-action';
import './actions.css';

/** The Runs a view has selected, as this bar needs them. */
export interface BulkSelection {
  /** The selected Runs on this page (all of them when `allMatching`). */
  readonly runs: readonly Run[];
  /** The person chose every Run matching the filters, beyond this page: `total` of them. */
  readonly allMatching: boolean;
  /** The list query of the view (filters, sort, and this page); paged through for all matching. */
  readonly query: ListRunsQuery;
  /** How many Runs match the filters. */
  readonly total: number;
  /** Empties the selection; called once a bulk action over it has been answered. */
  readonly clear: () => void;
}

export interface BulkActionBarProps {
  readonly selection: BulkSelection;
}

export function BulkActionBar({ selection }: BulkActionBarProps) {
  const me = useQuery(meQuery());
  const matching = useQuery({
    ...matchingRunsQuery(selection.query),
    enabled: selection.allMatching,
  });
  const bulk = useBulkAction(selection.clear);
  const { state } = bulk;
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const scope: readonly Run[] | null = selection.allMatching
    ? (matching.data ?? null)
    : selection.runs;
  const selected = selection.allMatching
    ? (matching.data?.length ?? selection.total)
    : selection.runs.length;
  const hasSelection = selected > 0 || selection.allMatching;
  const user = me.data ?? null;

  // Outcomes stay, and a batch out keeps the bar, after the selection is cleared.
  if (!hasSelection && state.step !== 'done' && state.step !== 'sending') return null;

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      {hasSelection ? (
        <div className="bulk-bar__row">
          <span className="bulk-bar__count">
            {selection.allMatching
              ? `All ${selected} ${runsWord(selected)} matching these filters selected`
              : `${selected} selected`}
          </span>
          {scope === null ? (
            matching.isError ? (
              <ErrorState
                compact
                title="Could not fetch every matching Run"
                error={matching.error}
                onRetry={() => void matching.refetch()}
              />
            ) : (
              <span role="status">
                Fetching all {selection.total} matching {runsWord(selection.total)}…
              </span>
            )
          ) : user ? (
            <BulkActionButtons
              scope={scope}
              user={user}
              busy={state.step === 'sending'}
              onOpen={(action, eligible, skipped) =>
                bulk.open(action, eligible, skipped, user.email)
              }
            />
          ) : null}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={selection.clear}
          >
            Clear selection
          </button>
        </div>
      ) : null}
      <BulkOutcomeList
        outcome={outcomeOnScreen(state)}
        summaryRef={summaryRef}
        onRetry={bulk.retry}
        onDismiss={bulk.dismiss}
      />
      <BulkConfirmDialog
        state={state}
        onConfirm={bulk.confirm}
        onClose={bulk.close}
        onCloseAutoFocus={(event) => {
          // The answers replaced the dialog: hear them next (the button that opened it may be gone).
          if (state.step !== 'done' || !state.takeFocus || !summaryRef.current) return;
          event.preventDefault();
          summaryRef.current.focus();
        }}
      />
    </section>
  );
}

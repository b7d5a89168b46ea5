/**
 * Bulk Abort and Delete over the Runs selected in the Activity table (SPEC §5): the buttons count
 * only the Runs the action applies to ("Abort 3 of 5 selected"), a confirmation lists them, the
 * requests go out a few at a time, and the outcome is said per Run.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Dialog, DialogClose } from '../../components/ui/Dialog';
import { ErrorState } from '../../components/ui/ErrorState';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { actionLabel } from '../../domain/actions';
import { operationLabel } from '../../domain/operations';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import type { BulkSelection } from '../../lib/bulk-selection';
import { matchingRunsQuery } from '../../queries/matching';
import { meQuery } from '../../queries/platform';
import type { BulkAction } from '../../queries/run-actions';
import { bulkActionMutation } from '../../queries/run-actions';
import { eligibility } from './bulk';
import type { BulkItemOutcome } from './bulk-outcome';
import { bulkItemOutcome, bulkSummary } from './bulk-outcome';
import './actions.css';

const BULK_ACTIONS: readonly BulkAction[] = ['abort', 'delete'];
/** How many Runs the confirmation lists by name; the rest are counted. */
const LISTED = 50;

const runsWord = (n: number): string => (n === 1 ? 'Run' : 'Runs');

interface Confirming {
  readonly action: BulkAction;
  readonly runs: readonly Run[];
  /** Selected Runs the action does not apply to. */
  readonly skipped: number;
}

interface Outcome {
  readonly action: BulkAction;
  readonly items: readonly BulkItemOutcome[];
}

export function BulkActionBar({ selection }: { selection: BulkSelection }) {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const matching = useQuery({
    ...matchingRunsQuery(selection.query),
    enabled: selection.allMatching,
  });
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { mutateAsync } = useMutation(bulkActionMutation(queryClient));
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const focusSummary = useRef(false);

  const scope: readonly Run[] | null = selection.allMatching
    ? (matching.data ?? null)
    : selection.runs;
  const selected = selection.allMatching
    ? (matching.data?.length ?? selection.total)
    : selection.runs.length;
  const hasSelection = selected > 0 || selection.allMatching;

  if (!hasSelection && outcome === null && progress === null) return null;

  async function execute(
    action: BulkAction,
    runs: readonly Run[],
    user: ActingUser,
    clear: () => void,
  ) {
    // A second click while the first batch is out sends nothing.
    if (inFlight.current) return;
    inFlight.current = true;
    setOutcome(null);
    setProgress({ done: 0, total: runs.length });
    try {
      const settled = await mutateAsync({
        action,
        runs,
        onProgress: (done) => setProgress({ done, total: runs.length }),
      });
      const items = runs.map((run, i) =>
        bulkItemOutcome(
          action,
          run,
          settled[i] ?? { status: 'rejected', reason: new Error('no answer') },
          user.email,
        ),
      );
      focusSummary.current = true;
      setOutcome({ action, items });
      clear();
    } finally {
      inFlight.current = false;
      setProgress(null);
      setConfirming(null);
    }
  }

  const user = me.data ?? null;
  const retryable = outcome?.items.filter((o) => o.status === 'failed') ?? [];

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      {hasSelection ? (
        <div className="bulk-bar__row">
          <span className="bulk-bar__count">
            {selection.allMatching
              ? `All ${selected} ${runsWord(selected)} matching the filters selected`
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
            BULK_ACTIONS.map((action) => {
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
                  aria-disabled={progress !== null}
                  onClick={() => {
                    if (progress === null) {
                      setConfirming({
                        action,
                        runs: eligible,
                        skipped: scope.length - eligible.length,
                      });
                    }
                  }}
                >
                  {`${actionLabel(action)} ${eligible.length} of ${scope.length} selected`}
                </button>
              );
            })
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
      <p role="status" ref={summaryRef} tabIndex={-1} className="bulk-bar__summary">
        {outcome ? bulkSummary(outcome.action, outcome.items) : null}
      </p>
      {outcome ? (
        <>
          <ul className="bulk-bar__outcomes" aria-label="Outcome per Run">
            {outcome.items.map((item) => (
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
            {retryable.length > 0 && user ? (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  void execute(
                    outcome.action,
                    retryable.map((o) => o.run),
                    user,
                    () => undefined,
                  )
                }
              >
                {`Retry the ${retryable.length} not sent`}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setOutcome(null)}
            >
              Dismiss
            </button>
          </div>
        </>
      ) : null}
      <BulkConfirm
        confirming={confirming}
        progress={progress}
        onConfirm={(c) => {
          if (user) void execute(c.action, c.runs, user, selection.clear);
        }}
        onClose={() => setConfirming(null)}
        onCloseAutoFocus={(event) => {
          if (!focusSummary.current) return;
          focusSummary.current = false;
          if (summaryRef.current) {
            event.preventDefault();
            summaryRef.current.focus();
          }
        }}
      />
    </section>
  );
}

function BulkConfirm({
  confirming,
  progress,
  onConfirm,
  onClose,
  onCloseAutoFocus,
}: {
  confirming: Confirming | null;
  progress: { done: number; total: number } | null;
  onConfirm: (confirming: Confirming) => void;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const n = confirming?.runs.length ?? 0;
  const abort = confirming?.action === 'abort';
  const busy = progress !== null;
  return (
    <Dialog
      open={confirming !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={confirming ? `${actionLabel(confirming.action)} ${n} ${runsWord(n)}?` : ''}
      description={
        abort
          ? 'The worker stops each of them as soon as possible. Partial results are kept.'
          : 'This cannot be undone: the Run records and their summaries are removed. Anomalies and other artifacts they produced stay.'
      }
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        confirming ? (
          <>
            <DialogClose>Cancel</DialogClose>
            <button
              type="button"
              className="button button--danger"
              aria-disabled={busy}
              aria-busy={busy}
              onClick={() => {
                if (!busy) onConfirm(confirming);
              }}
            >
              {busy
                ? `${abort ? 'Aborting' : 'Deleting'}…`
                : `${actionLabel(confirming.action)} ${n} ${runsWord(n)}`}
            </button>
          </>
        ) : null
      }
    >
      {confirming ? (
        <>
          <ul className="confirm__list" aria-label={`Runs to ${abort ? 'abort' : 'delete'}`}>
            {confirming.runs.slice(0, LISTED).map((run) => (
              <li key={run.id}>
                Run #{run.id} · {operationLabel(run.type)} on {run.datastore.name}{' '}
                <StatusBadge state={run.state} size="sm" />
              </li>
            ))}
          </ul>
          {n > LISTED ? <p className="muted">and {n - LISTED} more</p> : null}
          {confirming.skipped > 0 ? (
            <p className="muted">
              {confirming.skipped} other selected {runsWord(confirming.skipped)}{' '}
              {confirming.skipped === 1 ? 'is' : 'are'} left as{' '}
              {confirming.skipped === 1 ? 'it is' : 'they are'}.
            </p>
          ) : null}
          <p role="status">{progress ? `${progress.done} of ${progress.total} answered` : null}</p>
        </>
      ) : null}
    </Dialog>
  );
}

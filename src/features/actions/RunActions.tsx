/**
 * The action buttons of one Run (SPEC §2): exactly those the domain model allows for its state,
 * operation type and the acting user — not rendered otherwise — each confirmed in a dialog, sent
 * safely, with its outcome said in words; and "Other actions", which says why the rest are not
 * available.
 */
import { mdiChevronDown, mdiChevronRight } from '@mdi/js';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { meQuery } from '../../queries/platform';
import { Icon } from '../../components/ui/Icon';
import { Tooltip } from '../../components/ui/Tooltip';
import type { ActionKind, ActionVerdict } from '../../domain/actions';
import { actionLabel, actionVerdicts } from '../../domain/actions';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import { runFacts } from '../../domain/run';
import { ActionNoticeView } from './ActionNoticeView';
import { ConfirmAction } from './ConfirmAction';
import type { RelaunchKind } from '../../queries/run-actions';
import { useRunAction } from './use-run-action';
import './actions.css';

export interface RunActionsProps {
  /** The Run as the API answered it (`runDetailQuery`; a list item works too). */
  readonly run: Run;
  /** A Resume or Rerun created `created`: take the user to it or highlight it. */
  readonly onCreated?: (created: Run, kind: RelaunchKind) => void;
  /**
   * This action deleted the Run (its caches are already dropped): e.g. leave its page. A Run the
   * server says was deleted elsewhere (404) does not call it: the view says so where it is.
   */
  readonly onDeleted?: (run: Run) => void;
}

/** Renders nothing until the acting user is known: no button may show before its permission. */
export function RunActions({ run, onCreated, onDeleted }: RunActionsProps) {
  const me = useQuery(meQuery());
  if (!me.data) return null;
  return (
    <RunActionsFor
      key={run.id}
      run={run}
      user={me.data}
      onCreated={onCreated}
      onDeleted={onDeleted}
    />
  );
}

type Allowed = Extract<ActionVerdict, { allowed: true }>;
type Denied = Extract<ActionVerdict, { allowed: false }>;

function RunActionsFor({
  run,
  user,
  onCreated,
  onDeleted,
}: {
  run: Run;
  user: ActingUser;
  onCreated: RunActionsProps['onCreated'];
  onDeleted: RunActionsProps['onDeleted'];
}) {
  const id = useId();
  const state = useRunAction(run, user.email, { onCreated, onDeleted });
  const [confirming, setConfirming] = useState<ActionKind | null>(null);
  const [othersOpen, setOthersOpen] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);
  // After a Retry, the next outcome takes the focus (the Retry button goes away with the failure).
  const focusNextNotice = useRef(false);
  useEffect(() => {
    if (!focusNextNotice.current || state.notice === null) return;
    focusNextNotice.current = false;
    noticeRef.current?.focus();
  }, [state.notice]);

  const verdicts = state.gone ? [] : actionVerdicts(runFacts(run), user);
  const allowed = verdicts.filter((v): v is Allowed => v.allowed);
  const denied = verdicts.filter((v): v is Denied => !v.allowed);
  const busy = state.pending !== null;

  const confirm = (action: ActionKind) => {
    state.perform(action, {
      onSettled: () => {
        // The outcome is what to hear next; the button that opened the dialog may be gone.
        focusNotice.current = true;
        setConfirming(null);
      },
    });
  };

  return (
    <div className="run-actions" role="group" aria-label={`Actions for Run #${run.id}`}>
      {allowed.length > 0 ? (
        <div className="run-actions__buttons">
          {allowed.map((verdict) => (
            <Tooltip key={verdict.action} content={verdict.hint}>
              <button
                type="button"
                className={
                  verdict.action === 'abort' || verdict.action === 'delete'
                    ? 'button button--danger'
                    : 'button'
                }
                aria-disabled={busy}
                aria-busy={state.pending === verdict.action}
                onClick={() => {
                  if (!busy) setConfirming(verdict.action);
                }}
              >
                {actionLabel(verdict.action)}
              </button>
            </Tooltip>
          ))}
        </div>
      ) : null}
      {denied.length > 0 ? (
        <div className="run-actions__others">
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={othersOpen}
            aria-controls={`${id}-others`}
            onClick={() => setOthersOpen(!othersOpen)}
          >
            <Icon path={othersOpen ? mdiChevronDown : mdiChevronRight} size={16} />
            Other actions
          </button>
          <ul id={`${id}-others`} className="run-actions__why" hidden={!othersOpen}>
            {denied.map((verdict) => (
              <li key={verdict.action}>
                <WhyNot label={actionLabel(verdict.action)} reason={verdict.reason} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ActionNoticeView
        notice={state.notice}
        focusRef={noticeRef}
        busy={busy}
        onRetry={() => {
          const retry = state.notice?.retry;
          if (retry && !busy) {
            focusNextNotice.current = true;
            state.perform(retry, { retry: true, force: state.notice?.force ?? false });
          }
        }}
        onDismiss={state.dismiss}
      />
      <ConfirmAction
        action={confirming}
        run={run}
        pending={busy}
        onConfirm={(action) => {
          if (!busy) confirm(action);
        }}
        onClose={() => setConfirming(null)}
        onCloseAutoFocus={(event) => {
          if (!focusNotice.current) return;
          focusNotice.current = false;
          if (noticeRef.current) {
            event.preventDefault();
            noticeRef.current.focus();
          }
        }}
      />
    </div>
  );
}

/** "Resume is not available for Export runs": the action named once, even where the reason names it. */
function WhyNot({ label, reason }: { label: string; reason: string }) {
  if (reason.startsWith(`${label} `)) return <span>{reason}</span>;
  return (
    <>
      <span className="run-actions__why-action">{label}</span>: <span>{reason}</span>
    </>
  );
}

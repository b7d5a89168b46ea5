import type { Ref } from 'react';
import { StatusBadge } from '../../components/ui/StatusBadge';
import type { ActionNotice } from './run-notice';

/**
 * The outcome of an action, in two live regions that are always in the document (so what is
 * put in them is announced): errors as an alert, everything else as a status.
 */
export function ActionNoticeView({
  notice,
  focusRef,
  busy,
  onRetry,
  onDismiss,
}: {
  notice: ActionNotice | null;
  /** The region holding the message, focusable from script, to move focus to after an action. */
  focusRef?: Ref<HTMLDivElement>;
  busy: boolean;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const body = notice ? (
    <div className={`action-notice action-notice--${notice.tone}`}>
      {notice.state ? <StatusBadge state={notice.state} size="sm" /> : null}
      <span className="action-notice__text">{notice.text}</span>
      {notice.retry ? (
        <button
          type="button"
          className="button button--small"
          aria-disabled={busy}
          aria-busy={busy}
          onClick={onRetry}
        >
          {busy ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
      <button type="button" className="button button--small button--ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  ) : null;
  const isError = notice?.tone === 'error';
  return (
    <div className="action-notices">
      <div role="status" ref={isError ? undefined : focusRef} tabIndex={isError ? undefined : -1}>
        {isError ? null : body}
      </div>
      <div role="alert" ref={isError ? focusRef : undefined} tabIndex={isError ? -1 : undefined}>
        {isError ? body : null}
      </div>
    </div>
  );
}

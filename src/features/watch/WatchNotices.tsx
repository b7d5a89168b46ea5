/**
 * What the watches told: a polite live region that says each notice once, and the notices on
 * screen (icon, words, colour), each with a link to its Run and a way to dismiss it.
 */
import { mdiDeleteOutline } from '@mdi/js';
import { Link } from '@tanstack/react-router';
import { Icon } from '../../components/ui/Icon';
import { iconPath } from '../../components/ui/StatusBadge';
import type { RunState } from '../../domain/states';
import { stateIcon, stateTone } from '../../domain/states';

export interface WatchNotice {
  readonly key: string;
  readonly runId: number;
  readonly text: string;
  /** How the Run ended; null when it is gone. */
  readonly state: RunState | null;
}

export function WatchNotices({
  notices,
  announcement,
  onDismiss,
}: {
  notices: readonly WatchNotice[];
  announcement: string;
  onDismiss: (key: string) => void;
}) {
  return (
    <>
      <div role="status" aria-label="Watch notices" className="visually-hidden">
        {announcement}
      </div>
      {notices.length > 0 ? (
        <ul className="watch-notices" aria-label="Finished while you watched">
          {notices.map((notice) => (
            <li
              key={notice.key}
              className={`watch-notice watch-notice--${notice.state ? stateTone(notice.state) : 'neutral'}`}
            >
              <Icon path={notice.state ? iconPath(stateIcon(notice.state)) : mdiDeleteOutline} />
              <span className="watch-notice__text">{notice.text}</span>
              {notice.state ? (
                <Link to="/runs/$runId" params={{ runId: notice.runId }}>
                  Open Run #{notice.runId}
                </Link>
              ) : null}
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={`Dismiss the notice about Run #${notice.runId}`}
                onClick={() => onDismiss(notice.key)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

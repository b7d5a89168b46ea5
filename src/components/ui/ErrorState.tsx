import { mdiAlertOctagon } from '@mdi/js';
import { isApiError } from '../../api/errors';
import { useWallClock } from '../../lib/now';
import { formatAge } from '../../lib/time';
import { Icon } from './Icon';

/** Describes any failure in words: the API's own detail where there is one. */
export function describeError(error: unknown): {
  title: string;
  detail: string;
  retryable: boolean;
} {
  if (isApiError(error))
    return { title: error.title, detail: error.detail, retryable: error.retryable };
  if (error instanceof Error)
    return { title: 'Something went wrong', detail: error.message, retryable: true };
  return { title: 'Something went wrong', detail: String(error), retryable: true };
}

/**
 * A failed load: what went wrong, and a retry where retrying makes sense. While the dashboard is
 * already trying again by itself (`retrying`), it says so — when, if it knows — and the button
 * sends the next attempt at once.
 */
export function ErrorState({
  error,
  onRetry,
  title,
  compact = false,
  retrying = null,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  compact?: boolean;
  /** Trying again by itself: at this wall-clock time (ms), or "soon" when not known. */
  retrying?: { readonly at: number | null } | null;
}) {
  const described = describeError(error);
  return (
    <div
      role="alert"
      className={compact ? 'state state--error state--compact' : 'state state--error'}
    >
      <Icon path={mdiAlertOctagon} size={compact ? 18 : 28} />
      <div>
        <p className="state__title">{title ?? described.title}</p>
        <p className="state__detail">{described.detail}</p>
        {retrying ? <RetryingIn at={retrying.at} /> : null}
        {onRetry && (described.retryable || retrying) ? (
          <button type="button" className="button" onClick={onRetry}>
            {retrying ? 'Retry now' : 'Retry'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** "Retrying in 8 s", counting down (one shared timer for the page). */
export function RetryingIn({ at }: { at: number | null }) {
  const now = useWallClock();
  const wait = at === null ? 0 : at - now;
  return (
    <p className="state__retrying">
      {wait > 500 ? `Retrying in ${formatAge(Math.ceil(wait / 1000) * 1000)}` : 'Retrying…'}
    </p>
  );
}

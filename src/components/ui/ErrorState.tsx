import { mdiAlertOctagon } from '@mdi/js';
import { isApiError } from '../../api/errors';
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

/** A failed load: what went wrong, and a retry where retrying makes sense. */
export function ErrorState({
  error,
  onRetry,
  title,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  compact?: boolean;
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
        {onRetry && described.retryable ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
      </div>
    </div>
  );
}

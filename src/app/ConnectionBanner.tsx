import { RetryingIn, describeError } from '../components/ui/ErrorState';
import { formatClock } from '../lib/time';
import { retryNow, useConnection } from '../queries/connection';

/**
 * Says, on every page, when the API cannot be reached or the browser is offline: since when, why,
 * and when the next attempt goes out; what is on screen stays (marked stale where it is shown).
 */
export function ConnectionBanner() {
  const connection = useConnection();
  let body = null;
  if (connection.status === 'offline') {
    body = (
      <p className="connection-banner__text">
        <strong>You are offline</strong> (since {formatClock(connection.since)}). What is on screen
        stays; the dashboard asks again as soon as the connection is back.
      </p>
    );
  } else if (connection.status === 'unreachable') {
    const { detail } = describeError(connection.lastError);
    body = (
      <>
        <p className="connection-banner__text">
          <strong>API unreachable since {formatClock(connection.since)}</strong> — {detail}.
        </p>
        <RetryingIn at={connection.nextAttemptAt} />
        <button type="button" className="button button--small" onClick={retryNow}>
          Retry now
        </button>
      </>
    );
  }
  return (
    <div role="status" className="connection-banner" hidden={body === null}>
      {body}
    </div>
  );
}

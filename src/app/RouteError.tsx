import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { Link, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ErrorState } from '../components/ui/ErrorState';

/** What a route shows when it fails: never a white screen. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();
  useEffect(() => {
    queryReset.reset();
  }, [queryReset]);
  return (
    <section aria-labelledby="route-error-title">
      <h1 id="route-error-title" className="page-title">
        This page could not be shown
      </h1>
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
      <p>
        <Link to="/">Back to Activity</Link>
      </p>
    </section>
  );
}

export function NotFound() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="page-title">
        Page not found
      </h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to Activity</Link>
      </p>
    </section>
  );
}

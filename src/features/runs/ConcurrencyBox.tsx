/**
 * The concurrency chart's box, titled, at its full size from the first paint (its code and data
 * arrive later, inside it): nothing beside or below it moves when they do.
 */
import type { ReactNode } from 'react';
import { useId } from 'react';
import './concurrency.css';

/** The window the Activity page shows (kept here, not with the chart's code, which loads later). */
export const CONCURRENCY_HOURS = 24;

export function ConcurrencyBox({ children }: { children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="concurrency" aria-labelledby={titleId}>
      <h2 id={titleId} className="concurrency__title">
        Running and queued, last {CONCURRENCY_HOURS} hours
      </h2>
      {children}
    </section>
  );
}

/** What the box holds while the chart's code or its data load. */
export function ConcurrencyLoading() {
  return (
    <ConcurrencyBox>
      <p role="status" className="concurrency__note muted">
        Loading…
      </p>
    </ConcurrencyBox>
  );
}

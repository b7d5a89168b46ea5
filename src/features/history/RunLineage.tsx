import { Link } from '@tanstack/react-router';
import type { Run } from '../../domain/run';
import type { LineageLink } from './lineage';
import { lineageOf } from './lineage';
import './history.css';

/** Links to the Run this one was resumed or rerun from, and to the Runs created from it. */
export function RunLineage({ run }: { run: Run }) {
  const { parent, children } = lineageOf(run);
  const links: LineageLink[] = [...(parent ? [parent] : []), ...(children ?? [])];
  return (
    <section className="history" aria-labelledby={`lineage-${run.id}`}>
      <h2 id={`lineage-${run.id}`} className="history__title">
        Related runs
      </h2>
      {links.length ? (
        <ul className="lineage">
          {links.map((link) => (
            <li key={`${link.text}-${link.id}`}>
              {link.text}{' '}
              <Link to="/runs/$runId" params={{ runId: String(link.id) }}>
                #{link.id}
              </Link>
            </li>
          ))}
        </ul>
      ) : children === null ? (
        <p className="muted">The API does not say whether this Run was resumed or rerun.</p>
      ) : (
        <p className="muted">Not resumed or rerun, and not created from another Run.</p>
      )}
    </section>
  );
}

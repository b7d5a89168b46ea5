/**
 * Two Runs side by side (`/compare?a=27&b=54`): their header facts, the settings that differ,
 * their counters with the change from A to B, their per-container results aligned by container,
 * and their log's lines per level. Reachable from a Run's lineage and from a two-Run selection
 * in the Activity table; the address is the shareable form.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { ErrorState } from '../../components/ui/ErrorState';
import { Skeleton } from '../../components/ui/Skeleton';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { liveRefetch } from '../../queries/live';
import { runDetailQuery } from '../../queries/runs';
import { comparability } from './compare';
import type { CompareSearch } from './compare-search';
import { compareNotices, runIdParam } from './compare-search';
import { ComparePicker } from './ComparePicker';
import { CompareSections } from './CompareSections';
import './compare.css';

export interface ComparePageProps {
  /** The two sides as the address gave them, so the page can say what it ignored. */
  readonly search: CompareSearch;
  readonly onChoose: (a: number, b: number) => void;
}

export function ComparePage({ search, onChoose }: ComparePageProps) {
  const notices = compareNotices(search);
  const a = runIdParam(search.a);
  const b = runIdParam(search.b);
  return (
    <div className="compare">
      <p className="run-page__back">
        <Link to="/">Back to Activity</Link>
      </p>
      <h1 className="page-title">
        {a !== undefined && b !== undefined
          ? `Compare Run #${a} with Run #${b}`
          : 'Compare two Runs'}
      </h1>
      {notices.length > 0 ? (
        <ul className="compare__notices" aria-label="What the address asked for that was ignored">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
      <ComparePicker key={`${a}-${b}`} a={a} b={b} onChoose={onChoose} />
      {a !== undefined && b !== undefined ? <Comparison a={a} b={b} /> : null}
    </div>
  );
}

const useRun = (id: number) =>
  useQuery({
    ...runDetailQuery(id),
    refetchInterval: liveRefetch((run: Run) => isActive(run.state)),
  });

const isGone = (query: UseQueryResult<Run>) =>
  isApiError(query.error) && query.error.fromApi && query.error.status === 404;

function Comparison({ a, b }: { a: number; b: number }) {
  const runA = useRun(a);
  const runB = useRun(b);
  const gone = [...(isGone(runA) ? [a] : []), ...(isGone(runB) && b !== a ? [b] : [])];
  if (gone.length > 0) {
    return (
      <section className="compare__problem" aria-labelledby="compare-gone">
        <h2 id="compare-gone">
          {gone.length === 2
            ? `Runs #${gone[0]} and #${gone[1]} are gone`
            : `Run #${gone[0]} is gone`}
        </h2>
        <p>
          {gone.length === 2 ? 'They were' : 'It was'} deleted, or never existed: there is nothing
          to compare. Choose another Run above. The artifacts a deleted Run produced stay.
        </p>
      </section>
    );
  }
  const failed = [runA, runB].find((q) => q.data === undefined && q.error);
  if (failed) {
    return (
      <ErrorState
        error={failed.error}
        title="A Run to compare could not be loaded"
        onRetry={() => {
          void runA.refetch();
          void runB.refetch();
        }}
      />
    );
  }
  if (runA.data === undefined || runB.data === undefined) {
    return (
      <div role="status" className="compare__loading">
        <span className="visually-hidden">
          Loading Runs #{a} and #{b}…
        </span>
        <Skeleton width="60%" />
        <Skeleton width="90%" height={120} />
      </div>
    );
  }
  const problem = comparability(runA.data, runB.data);
  return (
    <>
      {problem ? (
        <p className="compare__problem" role="note">
          {problem}
        </p>
      ) : null}
      {runA.data.id === runB.data.id ? null : (
        <CompareSections a={runA.data} b={runB.data} sameType={problem === null} />
      )}
    </>
  );
}

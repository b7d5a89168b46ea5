import { useQuery } from '@tanstack/react-query';
import { runListQuery } from '../../api/queries';
import { ErrorState } from '../../components/ui/ErrorState';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { LIVE_REFRESH_MS } from '../../config/polling';
import { operationLabel } from '../../domain/operations';
import { isActive } from '../../domain/states';

/** The newest Runs, following them live while any is active. */
export function RunsOverview() {
  const runs = useQuery({
    ...runListQuery({ page: 1, size: 25 }),
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => isActive(run.state)) ? LIVE_REFRESH_MS : false,
  });
  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title" className="page-title">
        Activity
      </h1>
      {runs.isPending ? (
        <p role="status">Loading runs…</p>
      ) : runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">Runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id}>
                <td>#{run.id}</td>
                <td>{operationLabel(run.type)}</td>
                <td>
                  <StatusBadge state={run.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

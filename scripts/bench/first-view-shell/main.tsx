/**
 * The bare stack the first view is measured against (scripts/bench/first-view.mjs): React, Query
 * and Router rendering the first page of Runs as a plain table, from the same API, nothing else.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { createRoot } from 'react-dom/client';

interface Run {
  readonly id: number;
  readonly type: string;
  readonly result: string;
  readonly created: string;
  readonly triggered_by: string;
}

const queryClient = new QueryClient();
const runs = {
  queryKey: ['runs'],
  queryFn: async (): Promise<Run[]> =>
    ((await (await fetch('/api/operations?page=1&size=50')).json()) as { items: Run[] }).items,
};

function Runs() {
  const { data } = useQuery(runs);
  if (!data) return <p>Loading…</p>;
  return (
    <table>
      <caption>Runs</caption>
      <tbody>
        {data.map((run) => (
          <tr key={run.id}>
            <th scope="row">#{run.id}</th>
            <td>{run.type}</td>
            <td>{run.result}</td>
            <td>{run.created}</td>
            <td>{run.triggered_by}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const root = createRootRoute({
  component: () => (
    <main>
      <h1>Runs Activity</h1>
      <Outlet />
    </main>
  ),
});
const index = createRoute({
  getParentRoute: () => root,
  path: '/',
  loader: () => void queryClient.prefetchQuery(runs),
  component: Runs,
});
const router = createRouter({ routeTree: root.addChildren([index]) });

const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );

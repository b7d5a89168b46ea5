import type { SearchMiddleware, SearchSchemaInput } from '@tanstack/react-router';
import { createFileRoute, useLocation } from '@tanstack/react-router';
import type { ActivitySearch, ActivitySearchInput } from '../features/runs/activity-search';
import {
  tidyActivitySearch,
  toListRunsQuery,
  validateActivitySearch,
} from '../features/runs/activity-search';
import { runListQuery } from '../queries/runs';
import { RunSlotsProvider } from '../features/runs/run-slots';
import { ActivityPage, BulkActionBar } from './-components/chunks';
import { expandedRunSlots } from './-components/run-slots';

/** The URL keeps only what differs from the defaults (the page still gets every param). */
const tidyUrl: SearchMiddleware<ActivitySearch> = ({ search, next }) =>
  tidyActivitySearch(next(search)) as ActivitySearch;

export const Route = createFileRoute('/')({
  // Every param is checked on its own; an invalid one falls back to its default (no crash).
  validateSearch: (input: ActivitySearchInput & SearchSchemaInput) => validateActivitySearch(input),
  // One address per view: the params in the contract's order, those at their default left out.
  search: { middlewares: [tidyUrl] },
  loaderDeps: ({ search }) => toListRunsQuery(search),
  // Start the list request as early as possible; never block or fail the route on it (the page
  // shows its own loading and error states and keeps its filters).
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(runListQuery(deps));
    void ActivityPage.preload();
  },
  component: ActivityRoute,
});

function ActivityRoute() {
  const search = Route.useSearch();
  // The address as given, before validation, so the page can say what it ignored.
  const rawSearch = useLocation({ select: (location) => location.search });
  const navigate = Route.useNavigate();
  return (
    <RunSlotsProvider slots={expandedRunSlots}>
      <ActivityPage
        search={search}
        rawSearch={rawSearch}
        onSearchChange={(update, options) =>
          void navigate({ search: update, replace: options?.replace ?? false })
        }
        renderBulkBar={(selection) => <BulkActionBar selection={selection} />}
      />
    </RunSlotsProvider>
  );
}

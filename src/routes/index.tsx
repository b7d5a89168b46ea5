import type { SearchMiddleware, SearchSchemaInput } from '@tanstack/react-router';
import { createFileRoute, redirect, useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { rememberActivitySearch } from '../lib/activity-return';
import { parseSearch } from '../lib/search-params';
import type { ActivitySearch, ActivitySearchInput } from '../features/runs/activity-search';
import {
  tidyActivitySearch,
  toListRunsQuery,
  validateActivitySearch,
} from '../features/runs/activity-search';
import { heatmapRange } from '../features/runs/heatmap';
import { defaultViewToOpen } from '../features/runs/views/default-view';
import { now } from '../lib/now';
import { activityQuery } from '../queries/activity';
import { datastoresQuery, meQuery } from '../queries/platform';
import { runListQuery } from '../queries/runs';
import { RunSlotsProvider } from '../features/runs/run-slots';
import {
  ActivityPage,
  BulkActionBar,
  CompareSelected,
  FailureWatchToggle,
  RunActions,
  RunLogPanel,
} from './-components/chunks';
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
  // Opening the app at `/` with no settings opens the default saved view, if one is chosen (the
  // page says which); it is checked like any address.
  beforeLoad: ({ context, location, preload, cause }) => {
    if (preload || cause !== 'enter') return;
    const view = defaultViewToOpen(context.queryClient, location.searchStr);
    if (view === null) return;
    throw redirect({
      to: '/',
      search: validateActivitySearch(parseSearch(view.search)),
      replace: true,
    });
  },
  // Start the list request as early as possible; never block or fail the route on it (the page
  // shows its own loading and error states and keeps its filters).
  // Everything the first view shows is asked for at once, beside the page's code, not after it.
  loader: ({ context: { queryClient }, deps }) => {
    void queryClient.prefetchQuery(runListQuery(deps));
    void queryClient.prefetchQuery(meQuery());
    void queryClient.prefetchQuery(datastoresQuery());
    const days = heatmapRange(now());
    void queryClient.prefetchQuery(activityQuery(days.startDate, days.endDate));
    void ActivityPage.preload();
  },
  component: ActivityRoute,
});

/** What a person does next on this page: act on a Run, read its log, act on a selection. */
const NEXT_STEPS = [RunActions, RunLogPanel, BulkActionBar];

function ActivityRoute() {
  const search = Route.useSearch();
  // The address as given, before validation, so the page can say what it ignored.
  const rawSearch = useLocation({ select: (location) => location.search });
  const navigate = Route.useNavigate();
  // The way back from a Run page returns to this view (src/routes/runs.$runId.tsx).
  useEffect(() => rememberActivitySearch(search), [search]);
  return (
    <RunSlotsProvider slots={expandedRunSlots}>
      <ActivityPage
        search={search}
        rawSearch={rawSearch}
        onSearchChange={(update, options) =>
          void navigate({ search: update, replace: options?.replace ?? false })
        }
        prefetch={NEXT_STEPS}
        renderBulkBar={(selection) => (
          <BulkActionBar
            selection={selection}
            extra={
              !selection.allMatching && selection.runs.length === 2 ? (
                <CompareSelected ids={selection.runs.map((run) => run.id)} />
              ) : null
            }
          />
        )}
        renderWatch={(query) => <FailureWatchToggle query={query} />}
      />
    </RunSlotsProvider>
  );
}

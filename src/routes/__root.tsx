import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell } from '../app/AppShell';
import { NotFound, RouteError } from '../app/RouteError';
import { WatchHost } from './-components/watch-host';

export interface RouterContext {
  readonly queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
  errorComponent: RouteError,
  notFoundComponent: NotFound,
});

/** The shell, with what features add to every page: the watches' notices. */
function Root() {
  return <AppShell notices={<WatchHost />} />;
}

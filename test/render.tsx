/** Renders the whole app (real routes, real client) at a URL, over the simulated backend. */
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/App';
import { createAppRouter } from '../src/app/router';

export function renderApp(url = '/') {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createAppRouter(queryClient, history);
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, user, router, queryClient, history };
}

/** The current location of a rendered app, as path + search. */
export function currentUrl(router: ReturnType<typeof renderApp>['router']): string {
  const { pathname, searchStr } = router.state.location;
  return `${pathname}${searchStr}`;
}

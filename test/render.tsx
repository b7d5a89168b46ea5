/** Renders the whole app (real routes, real client) at a URL, over the simulated backend. */
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/App';
import { createAppRouter } from '../src/app/router';
import { beforeAll } from 'vitest';
import * as chunks from '../src/routes/-components/chunks';
import { createTestQueryClient, discardAfterTest } from './query-client';

// The pages load their code on demand; load it once per file before the first test, so a test's
// time (and its findBy timeouts) measures the app, not the first import of its modules.
beforeAll(async () => {
  await Promise.all(
    Object.values(chunks).map((chunk) => ('preload' in chunk ? chunk.preload() : undefined)),
  );
}, 60_000);

/**
 * `queryClient`: the app's own (retries and backoff as in production) for tests of outages;
 * by default a test client that shows a failure at once.
 */
export function renderApp(url = '/', queryClient = createTestQueryClient()) {
  discardAfterTest(queryClient);
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

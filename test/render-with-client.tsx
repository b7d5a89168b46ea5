/**
 * Renders a component (not the whole app) with a fresh QueryClient, retries off, over the
 * simulated backend of test/backend.ts. For feature tests; whole-app journeys use renderApp.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createTestQueryClient } from './query-client';

export function renderWithClient(ui: ReactElement, queryClient = createTestQueryClient()) {
  const user = userEvent.setup();
  const view = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return { ...view, user, queryClient };
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { advanceClock, sim } from '../../../test/backend';
import { mockLogLayout } from '../../../test/log-layout';
import { withoutLogStreams } from '../../../test/log-streams';
import { ContainerLogPanel } from './ContainerLogPanel';

function setup(runId: number, containerIndex: number) {
  const run = sim.getRun(runId);
  if (run.status !== 200) throw new Error('no such Run');
  const container = run.body.containers?.[containerIndex];
  if (!container) throw new Error('no such container');
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <ContainerLogPanel
        runId={runId}
        containerId={container.id}
        containerName={container.name}
        active
      />
    </QueryClientProvider>,
  );
  return { user, container };
}

test("a container's own log, growing as the container is processed; selection stays local", async () => {
  mockLogLayout();
  withoutLogStreams(); // polled, and checked for by hand
  // #56 is a Scan working through its containers one at a time; the 10th has not started yet.
  const { user, container } = setup(56, 9);
  expect(await screen.findByText('No log lines yet.')).toBeInTheDocument();

  advanceClock(15 * 60_000);
  await user.click(screen.getByRole('button', { name: 'Check for new lines' }));
  const region = await screen.findByRole('region', { name: `Log of ${container.name} lines` });
  expect(await within(region).findByText(/^Query: /)).toBeInTheDocument();
  expect(within(region).queryByText(/Processing /)).not.toBeInTheDocument(); // Run-level lines

  await user.click(within(region).getByRole('button', { name: 'Line 1' }));
  expect(screen.getByText('Line 1 selected')).toBeInTheDocument();
  expect(window.location.hash).toBe('');
});

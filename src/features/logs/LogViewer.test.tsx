/**
 * The viewer's own controls on a finished Run's log (#30, a Sync with 66 lines), over the
 * simulated backend. The Run page's journeys are in test/integration/logs.test.tsx.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { sim } from '../../../test/backend';
import { mockLogLayout, scrollScroller } from '../../../test/log-layout';
import { RunLogPanel } from './RunLogPanel';

const RUN = 30;

function serverLog() {
  const answer = sim.getLogs(RUN, 0, null);
  if (answer.status !== 200) throw new Error('no log');
  return answer.body.entries;
}

async function setup() {
  mockLogLayout();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <RunLogPanel runId={RUN} active={false} />
    </QueryClientProvider>,
  );
  const log = serverLog();
  expect(await screen.findByText(`${log.length} lines`)).toBeInTheDocument();
  const region = screen.getByRole('region', { name: `Run #${RUN} log lines` });
  // A log opens at its newest lines; these tests start from the top.
  act(() => scrollScroller(region, 0));
  await within(region).findByRole('button', { name: 'Line 1' });
  return { user, log, region };
}

test('go to line selects a line out of view and brings it into view; a missing line is refused', async () => {
  const { user, log, region } = await setup();
  expect(within(region).queryByRole('button', { name: 'Line 60' })).not.toBeInTheDocument();

  await user.type(screen.getByRole('spinbutton', { name: 'Line' }), '60');
  await user.click(screen.getByRole('button', { name: 'Go to line' }));
  expect(screen.getByText('Line 60 selected')).toBeInTheDocument();
  expect(await within(region).findByRole('button', { name: 'Line 60' })).toBeInTheDocument();

  // A line the log does not have is refused (the field's own range check), the selection kept.
  const field = screen.getByRole('spinbutton', { name: 'Line' });
  await user.clear(field);
  await user.type(field, String(log.length + 1));
  await user.click(screen.getByRole('button', { name: 'Go to line' }));
  expect(field).toBeInvalid();
  expect(screen.getByText('Line 60 selected')).toBeInTheDocument();
});

test('a line the level filter hides is shown, with every level, when gone to', async () => {
  const { user, log, region } = await setup();
  const line = log.findIndex((entry) => entry.level === 'info') + 1;
  expect(line).toBeGreaterThan(0);
  const levels = screen.getByRole('group', { name: 'Levels' });
  await user.click(within(levels).getByRole('checkbox', { name: /^Info/ }));
  expect(within(region).queryByRole('button', { name: `Line ${line}` })).not.toBeInTheDocument();

  await user.type(screen.getByRole('spinbutton', { name: 'Line' }), String(line));
  await user.click(screen.getByRole('button', { name: 'Go to line' }));
  expect(await within(region).findByRole('button', { name: `Line ${line}` })).toBeInTheDocument();
  expect(within(levels).getByRole('checkbox', { name: /^Info/ })).toBeChecked();
  expect(screen.getByText(`${log.length} lines`)).toBeInTheDocument();
});

test('Ctrl+C with lines selected (and no text) copies those lines from the data', async () => {
  const { user, log, region } = await setup();
  await user.click(within(region).getByRole('button', { name: 'Line 2' }));
  await user.keyboard('{Shift>}');
  await user.click(within(region).getByRole('button', { name: 'Line 4' }));
  await user.keyboard('{/Shift}');
  expect(screen.getByText('Lines 2–4 selected')).toBeInTheDocument();

  await user.keyboard('{Control>}c{/Control}');
  expect(await screen.findByText('Copied 3 lines')).toBeInTheDocument();
  const copied = (await navigator.clipboard.readText()).trimEnd().split('\n');
  expect(copied).toHaveLength(3);
  log.slice(1, 4).forEach((entry, i) => expect(copied[i]?.endsWith(entry.message)).toBe(true));
});

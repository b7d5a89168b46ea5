/**
 * What the viewer says about a finished log's lines: dates when it spans more than one day, a
 * remembered choice of local / UTC / relative times, and a linked line past its end.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { expect, test, vi } from 'vitest';
import { backend, sim } from '../../../test/backend';
import { mockLogLayout } from '../../../test/log-layout';
import type { LineRange } from './line-range';
import { RunLogPanel } from './RunLogPanel';

const RUN = 30; // a finished Sync with 66 lines

function serverLog() {
  const answer = sim.getLogs(RUN, 0, null);
  if (answer.status !== 200) throw new Error('no log');
  return answer.body.entries;
}

function renderLog(
  selection: {
    selection?: LineRange;
    onSelectionChange?: (range: LineRange | null) => void;
  } = {},
) {
  mockLogLayout();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <RunLogPanel runId={RUN} active={false} {...selection} />
    </QueryClientProvider>,
  );
}

/** The same log, its second half written a day and a half later. */
function serveAcrossTwoDays() {
  const entries = serverLog().map((entry, i, all) => ({
    ...entry,
    line: i + 1,
    time:
      i < all.length / 2
        ? entry.time
        : new Date(Date.parse(entry.time) + 36 * 3_600_000).toISOString(),
  }));
  const last = entries.at(-1)?.seq ?? 0;
  backend.server.use(
    http.get(`*/api/operations/${RUN}/logs`, () =>
      HttpResponse.json({
        entries,
        next_after: last,
        complete: true,
        total: entries.length,
        prev_before: null,
      }),
    ),
  );
  return entries;
}

/** The row of a line. */
const rowOf = (region: HTMLElement, line: number) => {
  const row = within(region)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByRole('button', { name: `Line ${line}` }));
  if (!row) throw new Error(`line ${line} is not rendered`);
  return within(row);
};

test('a log within one day shows clock times; across two days every line has its date too, and the choice of UTC is remembered', async () => {
  const user = userEvent.setup();
  const view = renderLog();
  expect(await screen.findByText('66 lines')).toBeInTheDocument();
  let region = screen.getByRole('region', { name: `Run #${RUN} log lines` });
  await within(region).findByRole('button', { name: 'Line 66' });
  expect(rowOf(region, 66).getByText(/^\d{1,2}:\d\d:\d\d/)).toBeInTheDocument();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Times' }), 'UTC');
  expect(rowOf(region, 66).getByText(/^\d\d:\d\d:\d\dZ$/)).toBeInTheDocument();
  view.unmount();

  const entries = serveAcrossTwoDays();
  renderLog();
  expect(await screen.findByText('66 lines')).toBeInTheDocument();
  // Remembered: the viewer opens in UTC.
  expect(screen.getByRole('combobox', { name: 'Times' })).toHaveValue('utc');
  region = screen.getByRole('region', { name: `Run #${RUN} log lines` });
  await within(region).findByRole('button', { name: 'Line 66' });
  const iso = entries.at(-1)?.time ?? '';
  expect(
    rowOf(region, 66).getByText(`${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`),
  ).toBeInTheDocument();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Times' }), 'Local time');
  // The local date, then the clock time.
  expect(rowOf(region, 66).getByText(/^\S*2026\S* \d{1,2}:\d\d:\d\d/)).toBeInTheDocument();
});

test('a linked line past the end of the log says so, with the number of lines it has, and is not left selected', async () => {
  const onSelectionChange = vi.fn();
  renderLog({ selection: { start: 500, end: 500 }, onSelectionChange });
  expect(
    await screen.findByText('Line 500 does not exist (this log has 66 lines).'),
  ).toBeInTheDocument();
  expect(onSelectionChange).toHaveBeenLastCalledWith(null);
});

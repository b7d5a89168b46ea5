/**
 * The log viewer on the Run page, over the simulated backend. jsdom cannot lay out, so the
 * log's scrolling area is given a size (test/log-layout.ts); real scrolling is proven in Chromium
 * (test/e2e/logs.spec.ts, scripts/bench/logs.mjs).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { expect, test } from 'vitest';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { mockLogLayout, scrollScroller } from '../log-layout';
import { withoutLogStreams } from '../log-streams';
import { recordLogRequests, serverLog } from '../log-server';
import { renderApp } from '../render';

/** The rendered row of a line (waits until it is rendered). */
async function findRow(region: HTMLElement, line: number, timeout = 1_000): Promise<HTMLElement> {
  await within(region).findByRole('button', { name: `Line ${line}` }, { timeout });
  const row = within(region)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByRole('button', { name: `Line ${line}` }));
  if (!row) throw new Error(`line ${line} is not rendered`);
  return row;
}

const logRegion = (runId: number) =>
  screen.getByRole('region', { name: `Run #${runId} log lines` });
const lineCount = (count: number) => screen.findByText(`${count.toLocaleString()} lines`);

test('without a log stream the log is polled incrementally: only new entries are appended, and fetching stops once complete', async () => {
  mockLogLayout();
  withoutLogStreams();
  const requests = recordLogRequests(58); // a Sync, Running
  const { user, queryClient } = renderApp('/runs/58?tab=logs');
  expect(await lineCount(22)).toBeInTheDocument();
  expect(screen.getByText('Following new lines')).toBeInTheDocument();

  advanceClock(5 * 60_000);
  await user.click(screen.getByRole('button', { name: 'Check for new lines' }));
  expect(await lineCount(35)).toBeInTheDocument();
  // Said politely to screen readers (at most every few seconds, however often lines arrive).
  expect(await screen.findByText('13 new lines')).toBeInTheDocument();

  advanceClock(10 * 60_000); // the Run ends meanwhile
  await user.click(screen.getByRole('button', { name: 'Check for new lines' }));
  expect(await lineCount(50)).toBeInTheDocument();
  expect(await screen.findByText('This log is final.')).toBeInTheDocument();
  expect(await screen.findByText('The Run has ended: this log is final')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Check for new lines' })).not.toBeInTheDocument();

  // Every entry came exactly once, and the lines shown are exactly those entries.
  await waitFor(() => expect(requests.received).toHaveLength(50));
  expect(new Set(requests.received).size).toBe(50);
  expect(requests.received).toEqual(serverLog(58).map((entry) => entry.seq));
  for (let i = 1; i < requests.asked.length; i++)
    expect(requests.asked[i]).toBeGreaterThanOrEqual(requests.asked[i - 1] ?? 0);

  // A final log is never asked for again, even when a refetch is forced.
  const asked = requests.asked.length;
  await act(() => queryClient.refetchQueries());
  expect(requests.asked).toHaveLength(asked);
});

test('with a log stream new lines are pushed: no poll while it is live, each entry once, until final', async () => {
  mockLogLayout();
  const requests = recordLogRequests(58);
  renderApp('/runs/58?tab=logs');
  expect(await lineCount(22)).toBeInTheDocument();
  expect(await screen.findByText('New lines arrive live')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Check for new lines' })).not.toBeInTheDocument();
  const asked = requests.asked.length;

  advanceClock(5 * 60_000);
  expect(await lineCount(35)).toBeInTheDocument();
  advanceClock(10 * 60_000); // the Run ends meanwhile
  expect(await lineCount(50)).toBeInTheDocument();
  expect(await screen.findByText('This log is final.')).toBeInTheDocument();
  // No page was asked for meanwhile: the 28 new lines came by the stream.
  expect(requests.asked).toHaveLength(asked);
  const region = logRegion(58);
  act(() => scrollScroller(region, 0));
  expect(await within(region).findByRole('button', { name: 'Line 1' })).toBeInTheDocument();
});

test('a SPEC §3 server (only `after`, no line numbers, no streams): read forward, lines numbered by position', async () => {
  mockLogLayout();
  withoutLogStreams();
  const asked: string[] = [];
  backend.server.use(
    http.get('*/api/operations/:id/logs', ({ request, params }) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const after = Number(url.searchParams.get('after') ?? 0);
      const answer = sim.getLogs(Number(params.id), after, null);
      if (answer.status !== 200) return HttpResponse.json({ detail: 'Not Found' }, { status: 404 });
      const { entries, next_after, complete } = answer.body;
      return HttpResponse.json({
        // No `line`: a SPEC §3 entry.
        entries: entries.map((entry) => ({
          seq: entry.seq,
          time: entry.time,
          level: entry.level,
          message: entry.message,
          container_id: entry.container_id,
        })),
        next_after,
        complete,
      });
    }),
  );
  const log = serverLog(30);
  const { user } = renderApp('/runs/30?tab=logs');
  // Sized only once the forward read reaches the end (nothing says the total before).
  expect(
    await screen.findByText(`${log.length} lines`, undefined, { timeout: 10_000 }),
  ).toBeInTheDocument();
  const region = logRegion(30);
  act(() => scrollScroller(region, 0));
  const first = await findRow(region, 1);
  expect(first).toHaveTextContent(log[0]?.message ?? 'missing');
  await user.click(within(first).getByRole('button', { name: 'Line 1' }));
  expect(screen.getByText('Line 1 selected')).toBeInTheDocument();
  // It asked for the tail once (answered from the start, as `after=0`), then followed `after`.
  expect(asked[0]).toBe('?tail=1000');
  for (const search of asked.slice(1)) expect(search).toMatch(/^\?after=\d+(&limit=\d+)?$/);
});

test('level counts are right and the level filter shows only the chosen levels', async () => {
  mockLogLayout();
  const expected = { info: 0, warning: 0, error: 0 };
  for (const entry of serverLog(35)) expected[entry.level]++; // a Scan that failed
  expect(expected.error).toBeGreaterThan(0);
  const total = expected.info + expected.warning + expected.error;
  const { user } = renderApp('/runs/35?tab=logs');
  expect(await lineCount(total)).toBeInTheDocument();
  const levels = screen.getByRole('group', { name: 'Levels' });
  expect(within(levels).getByRole('checkbox', { name: `Info (${expected.info})` })).toBeChecked();
  expect(
    within(levels).getByRole('checkbox', { name: `Warning (${expected.warning})` }),
  ).toBeChecked();
  expect(within(levels).getByRole('checkbox', { name: `Error (${expected.error})` })).toBeChecked();

  await user.click(within(levels).getByRole('checkbox', { name: /^Info/ }));
  await user.click(within(levels).getByRole('checkbox', { name: /^Warning/ }));
  expect(await screen.findByText(`${expected.error} lines shown of ${total}`)).toBeInTheDocument();
  const rows = within(logRegion(35)).getAllByRole('listitem');
  expect(rows).toHaveLength(expected.error);
  for (const row of rows) expect(row).toHaveTextContent('ERROR');
});

test('search finds a line that is not rendered, says "n of m" and brings it into view', async () => {
  mockLogLayout();
  const log = serverLog(30); // a Sync with 66 lines: about 30 are rendered at a time
  const last = log[log.length - 1];
  if (!last) throw new Error('empty log');
  const { user } = renderApp('/runs/30?tab=logs');
  expect(await lineCount(log.length)).toBeInTheDocument();
  const region = logRegion(30);
  // A log opens at its newest lines: go to the top, where the last line is not rendered.
  act(() => scrollScroller(region, 0));
  await waitFor(() => expect(within(region).queryByText(last.message)).not.toBeInTheDocument());

  await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'run finished');
  expect(await screen.findByText('1 of 1')).toBeInTheDocument();
  const row = await findRow(region, log.length);
  expect(row).toHaveTextContent(last.message);
  expect(within(row).getByText(/run finished/i, { selector: 'mark' })).toBeInTheDocument();

  await user.clear(screen.getByRole('searchbox', { name: 'Search the log' }));
  await user.type(
    screen.getByRole('searchbox', { name: 'Search the log' }),
    'catalogued partition',
  );
  const matches = log.filter((e) => /catalogued partition/i.test(e.message)).length;
  expect(await screen.findByText(`1 of ${matches}`)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Previous match' }));
  expect(screen.getByText(`${matches} of ${matches}`)).toBeInTheDocument();
  expect(await within(region).findByText(last.message)).toBeInTheDocument();
});

test('follow-tail pauses when the reader scrolls up, counts new lines, and resumes', async () => {
  mockLogLayout(100); // five lines high
  withoutLogStreams(); // new lines come when asked for
  const { user } = renderApp('/runs/58?tab=logs');
  expect(await lineCount(22)).toBeInTheDocument();
  const region = logRegion(58);
  expect(within(region).getByRole('button', { name: 'Line 22' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Follow new lines' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  act(() => scrollScroller(region, 0));
  expect(await screen.findByText('Paused: new lines keep arriving below')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Follow new lines' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  advanceClock(5 * 60_000);
  await user.click(screen.getByRole('button', { name: 'Check for new lines' }));
  await user.click(await screen.findByRole('button', { name: 'Jump to latest (13 new)' }));
  expect(await screen.findByText('Following new lines')).toBeInTheDocument();
  expect(await within(region).findByRole('button', { name: 'Line 35' })).toBeInTheDocument();

  // Scrolling up and back down to the bottom resumes following too.
  act(() => scrollScroller(region, 0));
  expect(await screen.findByText('Paused: new lines keep arriving below')).toBeInTheDocument();
  act(() => scrollScroller(region, 100_000));
  expect(await screen.findByText('Following new lines')).toBeInTheDocument();
  advanceClock(60_000);
  await user.click(screen.getByRole('button', { name: 'Check for new lines' }));
  const newest = serverLog(58).length;
  expect(await within(region).findByRole('button', { name: `Line ${newest}` })).toBeInTheDocument();
});

test('with a log stream, lines pushed while the reader is scrolled up are counted, and Jump to latest shows them', async () => {
  mockLogLayout(100); // five lines high
  const { user } = renderApp('/runs/58?tab=logs');
  expect(await lineCount(22)).toBeInTheDocument();
  expect(await screen.findByText('New lines arrive live')).toBeInTheDocument();
  const region = logRegion(58);

  act(() => scrollScroller(region, 0));
  expect(await screen.findByText('Paused: new lines keep arriving below')).toBeInTheDocument();
  advanceClock(5 * 60_000); // 13 lines, pushed (no button to check for them)
  expect(screen.queryByRole('button', { name: 'Check for new lines' })).not.toBeInTheDocument();
  expect(
    await screen.findByRole('button', { name: 'Jump to latest (13 new)' }),
  ).toBeInTheDocument();
  // Another tab and back: still paused, still counting from where it paused.
  await user.click(screen.getByRole('tab', { name: 'Results' }));
  await user.click(screen.getByRole('tab', { name: 'Logs' }));
  expect(await screen.findByText('Paused: new lines keep arriving below')).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: 'Jump to latest (13 new)' }));
  expect(await screen.findByText('Following new lines')).toBeInTheDocument();
  expect(await within(logRegion(58)).findByRole('button', { name: 'Line 35' })).toBeInTheDocument();
});

test('a #L link on a 100,000-line log brings that line into view; its markup shows as text', async () => {
  mockLogLayout();
  resetBackend('huge-log');
  renderApp('/runs/1#L125');
  const region = await screen.findByRole(
    'region',
    { name: 'Run #1 log lines' },
    { timeout: 5_000 },
  );
  const row = await findRow(region, 125, 15_000);
  expect(row).toHaveTextContent(
    "Row 120 of orders: value '<img src=x onerror=alert(1)>' is not a valid date",
  );
  expect(within(region).queryByRole('img')).not.toBeInTheDocument();
  expect(screen.getByText('Line 125 selected')).toBeInTheDocument();
}, 30_000);

test('copying a selection that spans lines scrolled out of view gives every line, from the data', async () => {
  mockLogLayout();
  const log = serverLog(30);
  const { user } = renderApp('/runs/30?tab=logs');
  expect(await lineCount(log.length)).toBeInTheDocument();
  const region = logRegion(30);
  act(() => scrollScroller(region, 0));
  await user.click(await within(region).findByRole('button', { name: 'Line 2' }));
  act(() => scrollScroller(region, 100_000));
  const line60 = await within(region).findByRole('button', { name: 'Line 60' });
  expect(within(region).queryByRole('button', { name: 'Line 2' })).not.toBeInTheDocument();
  await user.keyboard('{Shift>}');
  await user.click(line60);
  await user.keyboard('{/Shift}');
  expect(screen.getByText('Lines 2–60 selected')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Copy lines' }));
  const copied = (await navigator.clipboard.readText()).trimEnd().split('\n');
  expect(copied).toHaveLength(59);
  log.slice(1, 60).forEach((entry, i) => {
    expect(copied[i]).toContain(entry.time);
    expect(copied[i]?.endsWith(entry.message)).toBe(true);
  });
});

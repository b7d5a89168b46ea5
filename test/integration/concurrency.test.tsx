/**
 * The concurrency chart of the Activity page through the real route, the real client and the
 * simulator (hand-driven clock): the headline for a known state and why Runs wait, the chart's
 * summary and worker limit, the samples by hour as a table, following the clock; a server without
 * the extension; a failed load and Retry.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, expect, test } from 'vitest';
import { LazyConcurrencyChart } from '../../src/features/runs/concurrency-chunk';
import { MINUTE, SLOW, setup } from '../activity-page';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { renderApp } from '../render';

const CONCURRENCY_URL = '*/api/operations/concurrency';

// The chart's code loads on demand: once per file, so a test's findBy timeouts measure the app.
beforeAll(() => LazyConcurrencyChart.preload(), 60_000);

/** The chart's box, as it is now (the box shown while the chart's code loads is another). */
const chartBox = () => screen.getByRole('region', { name: 'Running and queued, last 24 hours' });

/** Waits for the chart's box to hold this text (or role), and answers the element. */
const findInChart = (text: string | RegExp) =>
  waitFor(() => within(chartBox()).getByText(text), SLOW);

/** Running and Queued in the simulator now (Promote holds no worker). */
function nowInSimulator(): { running: number; queued: number } {
  sim.reconcile();
  const pooled = [...sim.runs.values()].filter((run) => run.type !== 'promote');
  return {
    running: pooled.filter((run) => run.state === 'running').length,
    queued: pooled.filter((run) => run.state === 'queued').length,
  };
}

test('says how many Runs run and wait now, and why they wait: every worker is busy', async () => {
  await setup();
  // The default scenario: three Runs hold the three workers, three more wait.
  expect(nowInSimulator()).toEqual({ running: 3, queued: 3 });
  expect(await findInChart('Now: 3 running, 3 queued (limit 3)')).toBeInTheDocument();
  const box = chartBox();
  expect(within(box).getByText('Runs are queued because every worker is busy')).toBeVisible();
  expect(within(box).getByText('Worker limit 3')).toBeInTheDocument();
  expect(within(box).getByRole('img')).toHaveAccessibleName(
    /^Runs running and queued over the last 24 hours: at most 3 running \(.+\), at most 3 queued \(.+\); worker limit 3$/,
  );
  // Legend, limit label and ticks are for the eyes; the summary and the table say it all.
  expect(within(box).queryByRole('button')).not.toBeInTheDocument();
});

test('follows the clock: once the Runs have ended, nothing waits and the reason is gone', async () => {
  await setup();
  await findInChart('Now: 3 running, 3 queued (limit 3)');
  advanceClock(3 * 60 * MINUTE);
  const { running, queued } = nowInSimulator();
  expect(queued).toBe(0);
  expect(await findInChart(`Now: ${running} running, 0 queued (limit 3)`)).toBeInTheDocument();
  expect(within(chartBox()).queryByText(/because every worker is busy/)).not.toBeInTheDocument();
});

test('the samples by hour are a table, behind a summary in the tab order', async () => {
  const { user } = await setup();
  const summary = await findInChart('Samples by hour');
  const table = within(chartBox()).getByRole('table', {
    name: /^Running and queued in each hour \(the most at once\), local time/,
  });
  expect(table).not.toBeVisible();
  // A native <summary>: in the tab order, opened by Enter or Space in a browser (jsdom does not
  // implement its keys, so the test opens it by a click).
  summary.focus();
  expect(summary).toHaveFocus();
  await user.click(summary);
  expect(table).toBeVisible();
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Hour', 'Running', 'Queued']);
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.length).toBeGreaterThanOrEqual(24);
  // The last hour holds now: three running, three queued.
  const last = rows.at(-1) as HTMLElement;
  expect(
    within(last)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['3', '3']);
});

test('an empty simulator: no Runs in the last 24 hours, and no chart to read', async () => {
  resetBackend('empty');
  renderApp('/');
  expect(await findInChart('No Runs in the last 24 hours')).toBeInTheDocument();
  const box = chartBox();
  expect(within(box).getByText('Now: 0 running, 0 queued (limit 3)')).toBeInTheDocument();
  expect(within(box).queryByText(/because every worker is busy/)).not.toBeInTheDocument();
  expect(within(box).queryByRole('img')).not.toBeInTheDocument();
});

test('a server without the extension: a calm note, and the rest of the page as ever', async () => {
  backend.server.use(
    http.get(CONCURRENCY_URL, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
  );
  await setup();
  expect(await findInChart('This API does not report concurrency.')).toBeInTheDocument();
  expect(within(chartBox()).queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('grid', { name: /Runs per day/ })).toBeInTheDocument();
});

test('a failed load says so with Retry, and Retry shows the chart', async () => {
  backend.server.use(
    http.get(CONCURRENCY_URL, () =>
      HttpResponse.json({ detail: 'The database is unavailable' }, { status: 500 }),
    ),
  );
  const { user } = renderApp('/');
  await findInChart('Running and queued Runs could not be loaded');
  const alert = within(chartBox()).getByRole('alert');
  expect(alert).toHaveTextContent('The database is unavailable');

  backend.server.resetHandlers();
  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  expect(await findInChart('Now: 3 running, 3 queued (limit 3)')).toBeInTheDocument();
});

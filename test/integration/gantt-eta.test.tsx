/**
 * The Run page of a running Scan (#56 of the default scenario, five earlier successful Scans on
 * its datastore): the estimate in its header, and the containers over time in its Results.
 */
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { advanceClock } from '../backend';
import { renderApp } from '../render';

const estimate = () => screen.getByText(/, based on the last /);

test('a running Scan says about how long is left, based on the last Scans, and its basis on focus', async () => {
  renderApp('/runs/56');
  expect(await screen.findByText('Estimate', { selector: 'dt' })).toBeInTheDocument();
  expect(estimate()).toHaveTextContent(
    /^(About \d+ minutes? left|Less than a minute left), based on the last 5 Scan Runs$/,
  );
  within(estimate())
    .getByText(/based on/)
    .focus();
  expect(
    await screen.findByRole('tooltip', {
      name: /^The median duration of the last 5 successful Scan Runs on /,
    }),
  ).toBeInTheDocument();

  // Once the Run has ended there is nothing left to estimate.
  advanceClock(24 * 60 * 60_000);
  expect(await screen.findByText('Ended', { selector: 'dt' })).toBeInTheDocument();
  expect(screen.queryByText('Estimate', { selector: 'dt' })).not.toBeInTheDocument();
});

test('a queued Run without history has no estimate', async () => {
  renderApp('/runs/59'); // an Export, the first on its datastore
  expect(await screen.findByRole('heading', { name: /Run #59/ })).toBeInTheDocument();
  expect(screen.queryByText('Estimate', { selector: 'dt' })).not.toBeInTheDocument();
});

test('the containers over time: a labelled bar per started container, one tab stop, arrow keys between them', async () => {
  const { user } = renderApp('/runs/56');
  const chart = await screen.findByRole('list', { name: 'Containers over time' });
  const marks = within(chart).getAllByRole('img');
  expect(marks.length).toBeGreaterThan(1);
  for (const mark of marks)
    expect(mark).toHaveAccessibleName(
      /^.+: (Success|Failure|Running, .+ so far|Not started|Aborted|Queued)/,
    );
  expect(marks.filter((m) => m.tabIndex === 0)).toHaveLength(1);

  marks[0]?.focus();
  await user.keyboard('{ArrowDown}');
  expect(marks[1]).toHaveFocus();
  await user.keyboard('{End}');
  expect(marks.at(-1)).toHaveFocus();
  await user.keyboard('{Home}');
  expect(marks[0]).toHaveFocus();
  expect(marks[0]?.tabIndex).toBe(0);
});

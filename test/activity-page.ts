/**
 * The helpers of the Activity page's integration tests (test/integration/activity*.test.tsx): the
 * app rendered at a URL with its Runs table found, the table's data rows, the row of one Run, and
 * the status badge of a row.
 */
import { screen, within } from '@testing-library/react';
import { renderApp } from './render';

// Whole-app journeys in jsdom on a shared machine: give them room.

export const SLOW = { timeout: 5_000 };
export const MINUTE = 60_000;

export async function setup(url = '/') {
  const view = renderApp(url);
  const table = await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  return { ...view, table };
}

/** The data rows of the Runs table (not the header, not the expanded details). */
export function dataRows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryByRole('rowheader', { name: /^#\d+/ }) !== null);
}

export function rowOf(table: HTMLElement, id: number) {
  const row = dataRows(table).find(
    (r) => within(r).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }) !== null,
  );
  if (!row) throw new Error(`No row for Run #${id}`);
  return row;
}

export const badgeOf = (row: HTMLElement) =>
  within(row).getByText(/^(Queued|Running|Success|Failure|Aborted)$/).textContent;

/**
 * The simulator panel's acting-user switch changes the visible actions at once: the panel and a
 * Run with its actions side by side, as the app shell and a page compose them.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { SimPanel } from '../../src/features/simulator/SimPanel';
import { ShownRun, terminalRun } from '../actions-harness';
import { renderWithClient } from '../render-with-client';

function buttons(group: HTMLElement): string[] {
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((n) => n !== 'Other actions');
}

test('switching the acting user in the simulator panel changes the buttons at once', async () => {
  const failed = terminalRun('scan', 'failure', true);
  const { user } = renderWithClient(
    <>
      <ShownRun id={56} />
      <ShownRun id={failed} />
      <SimPanel />
    </>,
  );
  const running = await screen.findByRole('group', { name: 'Actions for Run #56' });
  const ended = await screen.findByRole('group', { name: `Actions for Run #${failed}` });
  expect(buttons(running)).toEqual(['Abort']);
  expect(buttons(ended)).toEqual(['Resume', 'Rerun', 'Delete']);
  await user.click(screen.getByRole('button', { name: 'Show controls' }));
  const select = screen.getByRole('combobox', { name: 'Acting user' });
  await waitFor(() => expect(select).toHaveValue('editor'));

  await user.selectOptions(select, 'Member with Viewer');
  await waitFor(() => expect(buttons(running)).toEqual([]));
  expect(buttons(ended)).toEqual([]);

  await user.selectOptions(select, 'Admin');
  await waitFor(() => expect(buttons(running)).toEqual(['Abort']));
  expect(buttons(ended)).toEqual(['Resume', 'Rerun', 'Delete']);
});

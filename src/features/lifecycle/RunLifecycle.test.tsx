import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { api } from '../../api/instance';
import type { Run } from '../../domain/run';
import { renderMermaid } from '../../lib/mermaid';
import { formatAbsolute } from '../../lib/time';
import { RunLifecycle } from './RunLifecycle';

// Only the renderer is mocked (jsdom cannot lay out SVG); the Runs come from the simulator.
vi.mock('../../lib/mermaid', () => ({ renderMermaid: vi.fn() }));

function drawsTitle() {
  vi.mocked(renderMermaid).mockImplementation(async (text) => {
    const title = /accTitle: (.*)/.exec(text)?.[1] ?? 'untitled';
    return `<svg role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg"></svg>`;
  });
}

async function firstRun(type: Run['type'], state: Run['state']): Promise<Run> {
  const page = await api.listRuns({ page: 1, size: 1, operation_type: [type], result: [state] });
  const run = page.items[0];
  if (!run) throw new Error(`the default scenario has no ${state} ${type} run`);
  return api.getRun(run.id);
}

test('a running Run: its diagram, the states it passed through with times, and what can happen next', async () => {
  drawsTitle();
  const run = await api.getRun(56);
  render(<RunLifecycle run={run} />);

  const figure = screen.getByRole('figure', { name: /Lifecycle of Run #56 \(Scan\), now Running/ });
  expect(
    await within(figure).findByRole('img', { name: 'Lifecycle of Run #56 (Scan)' }),
  ).toBeVisible();

  const path = screen.getByRole('list', { name: 'Path so far' });
  const visited = within(path).getAllByRole('listitem');
  expect(visited).toHaveLength(2);
  expect(visited[0]).toHaveTextContent(`Queued created ${formatAbsolute(run.createdAt)}`);
  expect(visited[1]).toHaveTextContent(
    `Running started ${formatAbsolute(run.startedAt ?? 0)} (current)`,
  );

  const next = screen.getByRole('list', { name: 'Possible next' });
  expect(
    within(next)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    '→ Success: every table processed (automatic)',
    '→ Failure: unrecoverable error (error)',
    '→ Aborted: user or system aborts (user action)',
  ]);
  expect(screen.queryByText(/Relaunch/)).not.toBeInTheDocument();
});

test('a failed Scan: nothing can happen next, and how it can be relaunched', async () => {
  drawsTitle();
  const run = await firstRun('scan', 'failure');
  render(<RunLifecycle run={run} />);

  const path = screen.getByRole('list', { name: 'Path so far' });
  expect(
    within(path)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    expect.stringMatching(/^Queued created /),
    expect.stringMatching(/^Running started /),
    expect.stringMatching(/^Failure ended .* \(current\)$/),
  ]);
  expect(screen.queryByRole('list', { name: 'Possible next' })).not.toBeInTheDocument();
  expect(screen.getByText(/None: the Run has ended as Failure/)).toBeVisible();
  expect(screen.getByText(/^Resume \(only the tables not finished\) or Rerun/)).toHaveTextContent(
    'creates a new Run, starting in Queued.',
  );
});

test('a Promote Run never was Queued', async () => {
  drawsTitle();
  render(<RunLifecycle run={await api.getRun(61)} />);
  const path = screen.getByRole('list', { name: 'Path so far' });
  expect(within(path).getAllByRole('listitem')).toHaveLength(1);
  expect(within(path).getByText('Running')).toBeVisible();
  expect(within(path).queryByText('Queued')).not.toBeInTheDocument();
});

test('the compact form keeps the diagram behind a disclosure and draws it only when opened', async () => {
  drawsTitle();
  const user = userEvent.setup();
  render(<RunLifecycle run={await api.getRun(59)} compact />);

  expect(screen.getByRole('list', { name: 'Path so far' })).toHaveTextContent('Queued');
  expect(screen.getByRole('list', { name: 'Possible next' })).toHaveTextContent(
    '→ Running: worker picks it up (automatic)',
  );
  expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  expect(renderMermaid).not.toHaveBeenCalled();

  await user.click(screen.getByText('Lifecycle diagram'));
  const figure = await screen.findByRole('figure', { name: /Lifecycle of Run #59 \(Export\)/ });
  expect(await within(figure).findByRole('img', { name: /Run #59/ })).toBeVisible();
});

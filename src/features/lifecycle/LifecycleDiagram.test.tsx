import { act, render, screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { renderMermaid } from '../../lib/mermaid';
import { LifecycleDiagram } from './LifecycleDiagram';
import { TransitionList } from './TransitionList';

// jsdom cannot lay out SVG, so the real mermaid cannot draw here: only the renderer is mocked.
// Real drawing is checked in Chromium (test/e2e/lifecycle.spec.ts).
vi.mock('../../lib/mermaid', () => ({ renderMermaid: vi.fn() }));

const fakeSvg = (name: string) =>
  `<svg role="img" aria-label="${name}" xmlns="http://www.w3.org/2000/svg"><text>${name}</text></svg>`;

afterEach(() => {
  document.documentElement.removeAttribute('data-theme');
});

function setup() {
  render(
    <LifecycleDiagram
      drawings={{ wide: 'flowchart LR', tall: 'flowchart TB', narrow: 'flowchart TB' }}
      caption="Sync, Profile, Scan: a new Run starts in Queued."
      fallback={<TransitionList type="scan" label="Transitions of Scan runs" />}
    />,
  );
}

test('draws the diagram inside a figure named by its caption, after a loading state', async () => {
  let resolve: (svg: string) => void = () => undefined;
  vi.mocked(renderMermaid).mockReturnValue(new Promise((r) => (resolve = r)));
  setup();
  const figure = screen.getByRole('figure', {
    name: 'Sync, Profile, Scan: a new Run starts in Queued.',
  });
  expect(within(figure).getByRole('status')).toHaveTextContent('Drawing the diagram…');

  await act(async () => resolve(fakeSvg('Run lifecycle drawing')));
  expect(await within(figure).findByRole('img', { name: 'Run lifecycle drawing' })).toBeVisible();
  expect(within(figure).queryByRole('status')).not.toBeInTheDocument();
  expect(within(figure).queryByRole('list')).not.toBeInTheDocument();
});

test('when the diagram cannot be drawn, its transitions are listed instead of a blank', async () => {
  vi.mocked(renderMermaid).mockRejectedValue(new Error('Parse error on line 3'));
  setup();
  const figure = screen.getByRole('figure', { name: /a new Run starts in Queued/ });
  const list = await within(figure).findByRole('list', { name: 'Transitions of Scan runs' });
  expect(within(figure).getByText(/could not be drawn/)).toBeVisible();
  const items = within(list).getAllByRole('listitem');
  expect(items.map((li) => li.textContent)).toEqual([
    'Queued → Running: worker picks it up (automatic)',
    'Queued → Aborted: user aborts (user action)',
    'Running → Success: every table processed (automatic)',
    'Running → Failure: unrecoverable error (error)',
    'Running → Aborted: user or system aborts (user action)',
  ]);
  expect(within(figure).queryByRole('img')).not.toBeInTheDocument();
});

test('is drawn again in the dark palette when the app switches to the dark theme', async () => {
  vi.mocked(renderMermaid).mockImplementation(async (_text, scheme) =>
    fakeSvg(`${scheme} drawing`),
  );
  setup();
  expect(await screen.findByRole('img', { name: 'light drawing' })).toBeVisible();

  act(() => document.documentElement.setAttribute('data-theme', 'dark'));
  expect(await screen.findByRole('img', { name: 'dark drawing' })).toBeVisible();
  expect(screen.queryByRole('img', { name: 'light drawing' })).not.toBeInTheDocument();
});

import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { renderMermaid } from '../../src/lib/mermaid';
import { backend } from '../backend';
import { currentUrl, renderApp } from '../render';

// Only the renderer is mocked (jsdom cannot lay out SVG); it echoes the diagram's title and the
// states the generated text highlights, so the test sees what would be drawn.
vi.mock('../../src/lib/mermaid', () => ({ renderMermaid: vi.fn() }));

function drawsTitle() {
  vi.mocked(renderMermaid).mockImplementation(async (text) => {
    const title = /accTitle: (.*)/.exec(text)?.[1] ?? 'untitled';
    const current = /class (\w+) current/.exec(text)?.[1];
    const name = current ? `${title}, highlighting ${current}` : title;
    return `<svg role="img" aria-label="${name}" xmlns="http://www.w3.org/2000/svg"></svg>`;
  });
}

test('the Lifecycle page, reached from the navigation, draws both lifecycles with a legend', async () => {
  drawsTitle();
  const { user, router } = renderApp('/');
  await user.click(await screen.findByRole('link', { name: 'Lifecycle' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Run lifecycle' })).toBeVisible();
  expect(currentUrl(router)).toBe('/lifecycle');

  const general = screen.getByRole('figure', { name: /^Sync, Profile, Scan.*starts in Queued/ });
  expect(
    await within(general).findByRole('img', {
      name: 'Run lifecycle: Sync, Profile, Scan, External Scan, Export, Materialize',
    }),
  ).toBeVisible();
  const promote = screen.getByRole('figure', { name: /^Promote.*starts in Running/ });
  expect(
    await within(promote).findByRole('img', {
      name: 'Run lifecycle: Promote (created directly in Running)',
    }),
  ).toBeVisible();

  const legend = screen.getByRole('list', { name: 'Legend' });
  expect(legend).toHaveTextContent('Solid arrow: automatic transition');
  expect(legend).toHaveTextContent('Dashed arrow: a user action or an error');
  expect(legend).not.toHaveTextContent(/dotted/i);
  expect(legend).toHaveTextContent(
    'Thick outline in its status colour, and “(highlighted)” in the box: the state you picked above',
  );
});

test("the diagram text: the picked state marked current, each variant's labels in its own words", async () => {
  drawsTitle();
  const { user } = renderApp('/lifecycle');
  await user.selectOptions(
    await screen.findByRole('combobox', { name: 'Highlight a state' }),
    'Failure',
  );
  expect(await screen.findByRole('img', { name: /Promote.*highlighting failure/ })).toBeVisible();
  const drawn = vi.mocked(renderMermaid).mock.calls.map(([text]) => text);
  const general = drawn.findLast((text) => text.includes('Sync, Profile, Scan'));
  const promote = drawn.findLast((text) => text.includes('accTitle: Run lifecycle: Promote'));
  for (const text of [general, promote]) {
    expect(text).toContain('  class failure current');
    // The current state keeps its tone class (its badge colour): no colour of its own.
    expect(text).toMatch(/ {2}class (\w+,)*failure(,\w+)* tone_danger/);
    expect(text).toContain('  failure["Failure (highlighted)"]');
  }
  expect(general).toContain('|"every container<br/>processed"| success');
  expect(promote).toContain('|"every entity<br/>processed"| success');
});

test('a highlighted state is kept in the URL and drawn in both diagrams', async () => {
  drawsTitle();
  const { user, router } = renderApp('/lifecycle');
  await user.selectOptions(
    await screen.findByRole('combobox', { name: 'Highlight a state' }),
    'Running',
  );
  expect(currentUrl(router)).toBe('/lifecycle?state=running');
  expect(
    await screen.findByRole('img', { name: /Materialize, highlighting running/ }),
  ).toBeVisible();
  expect(await screen.findByRole('img', { name: /Promote.*highlighting running/ })).toBeVisible();
});

test('Queued highlighted: the Promote diagram says its Runs are never Queued', async () => {
  drawsTitle();
  renderApp('/lifecycle?state=queued');
  expect(
    await screen.findByRole('img', { name: /Materialize, highlighting queued/ }),
  ).toBeVisible();
  expect(
    screen.getByRole('figure', { name: /^Promote.*These Runs are never Queued\.$/ }),
  ).toBeVisible();
});

test('an unknown state in the URL is ignored, not an error', async () => {
  drawsTitle();
  renderApp('/lifecycle?state=exploded');
  expect(await screen.findByRole('combobox', { name: 'Highlight a state' })).toHaveValue('');
  expect(await screen.findAllByRole('img', { name: /^Run lifecycle/ })).toHaveLength(2);
});

test('the page needs no API: it draws even when the API cannot be reached', async () => {
  drawsTitle();
  backend.server.use(http.all('*/api/*', () => HttpResponse.error()));
  renderApp('/lifecycle');
  expect(await screen.findAllByRole('img', { name: /^Run lifecycle/ })).toHaveLength(2);
});

import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { backend, sim } from '../backend';
import { mockLogLayout, scrollScroller } from '../log-layout';
import { currentUrl, renderApp } from '../render';

test('an unknown Run shows a not-found page with a way back to Activity', async () => {
  const { user, router } = renderApp('/runs/9999');
  expect(await screen.findByRole('heading', { name: 'Run #9999 not found' })).toBeInTheDocument();
  expect(screen.getByText(/may have been deleted/)).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Back to Activity' }));
  expect(await screen.findByRole('heading', { name: 'Activity' })).toBeInTheDocument();
  expect(currentUrl(router)).toBe('/');
});

test('a deleted Run shows the not-found page', async () => {
  expect(sim.delete(35).status).toBe(204);
  renderApp('/runs/35');
  expect(await screen.findByRole('heading', { name: 'Run #35 not found' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Back to Activity' })).toBeInTheDocument();
});

test('an address that is not a Run ID is not found, without asking the API', async () => {
  renderApp('/runs/12abc');
  expect(await screen.findByRole('heading', { name: 'Not a Run ID' })).toBeInTheDocument();
  expect(screen.getByText(/Run IDs are whole numbers/)).toBeInTheDocument();
});

test('another failure shows the error with a retry, and retrying recovers', async () => {
  // The router reports the failed load on the console; that is expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  let failing = true;
  backend.server.use(
    http.get('*/api/operations/:id', () =>
      failing
        ? HttpResponse.json({ detail: 'The database is restarting' }, { status: 503 })
        : undefined,
    ),
  );
  mockLogLayout();
  const { user } = renderApp('/runs/56');
  expect(await screen.findByRole('alert')).toHaveTextContent('The database is restarting');
  failing = false;
  await user.click(screen.getByRole('button', { name: 'Retry' }));
  expect(await screen.findByRole('heading', { name: /Run #56/ })).toBeInTheDocument();
});

test('the Run page shows identity, state, timeline and lineage links both ways', async () => {
  mockLogLayout();
  const { user, router } = renderApp('/runs/54?tab=lifecycle'); // a Scan resumed from #27
  const heading = await screen.findByRole('heading', { name: /Run #54/ });
  expect(heading).toHaveTextContent('Scan');
  const timeline = await screen.findByRole('region', { name: 'Timeline' });
  expect(
    within(timeline)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    expect.stringMatching(/^Queued.*Created by/),
    expect.stringMatching(/^Running.*Worker picks it up/),
    expect.stringMatching(/^Success.*Every table processed/),
  ]);
  const related = screen.getByRole('list', { name: 'Related runs' });
  expect(within(related).getByRole('listitem')).toHaveTextContent('Resumed from #27');

  await user.click(within(related).getByRole('link', { name: '#27' }));
  expect(await screen.findByRole('heading', { name: /Run #27/ })).toBeInTheDocument();
  expect(currentUrl(router)).toBe('/runs/27');
  const parentRelated = screen.getByRole('list', { name: 'Related runs' });
  expect(within(parentRelated).getByRole('listitem')).toHaveTextContent('Resumed as #54');
  await user.click(screen.getByRole('tab', { name: 'Lifecycle' }));
  const parentTimeline = await screen.findByRole('region', { name: 'Timeline' });
  expect(within(parentTimeline).getAllByRole('listitem').at(-1)).toHaveTextContent(/^Aborted/);
});

test('clicking a line number puts it in the address; a range with Shift', async () => {
  mockLogLayout();
  const { user, router } = renderApp('/runs/30?tab=logs');
  const region = await screen.findByRole('region', { name: 'Run #30 log lines' });
  await screen.findByText(/^[\d,]+ lines$/);
  act(() => scrollScroller(region, 0)); // a log opens at its newest lines
  await user.click(await within(region).findByRole('button', { name: 'Line 4' }));
  expect(router.state.location.hash).toBe('L4');
  await user.keyboard('{Shift>}');
  await user.click(within(region).getByRole('button', { name: 'Line 9' }));
  await user.keyboard('{/Shift}');
  expect(router.state.location.hash).toBe('L4-L9');
  expect(screen.getByText('Lines 4–9 selected')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Clear selection' }));
  expect(router.state.location.hash).toBe('');
});

test('the Run page puts the work first: header, then Results, Logs, Details and Lifecycle tabs; the breadcrumb goes back to the same Activity view', async () => {
  mockLogLayout();
  const { user, router } = renderApp('/?status=running');
  const table = await screen.findByRole('table', { name: /Runs/ });
  await user.click(within(table).getByRole('link', { name: '#56' }));
  await screen.findByRole('heading', { level: 1, name: 'Scan Run #56' });
  expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
    'Results',
    'Logs',
    'Details',
    'Lifecycle',
  ]);
  expect(screen.getByRole('tab', { name: 'Results', selected: true })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Activity', current: 'location' })).toBeInTheDocument();
  const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
  await user.click(within(crumbs).getByRole('link', { name: 'Activity' }));
  await screen.findByRole('table', { name: /Runs/ });
  expect(currentUrl(router)).toBe('/?status=running');
});

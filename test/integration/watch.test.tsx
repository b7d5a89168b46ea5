/**
 * Watching a Run, and a filter for Failures (issue 14), through the whole app over the simulator,
 * whose clock only moves when a test moves it. The browser's Notification API is replaced at its
 * boundary only (window.Notification): granted, denied, default (the prompt dismissed), and
 * absent (jsdom has none, like a browser without it).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { expect, onTestFinished, test, vi } from 'vitest';
import { paths } from '../../src/api/contract';
import type * as Polling from '../../src/config/polling';
import { WATCHES_KEY } from '../../src/features/watch/watch-signal';
import { getRunFeed } from '../../src/queries/run-feed';
import { advanceClock, backend, sim } from '../backend';
import { mockLogLayout } from '../log-layout';
import { renderApp } from '../render';

// Short intervals, so that the test of polling (no stream) need not wait 10 s for a watch.
vi.mock('../../src/config/polling', async (importOriginal) => {
  const original = await importOriginal<typeof Polling>();
  return { ...original, POLL: { ...original.POLL, live: 300, watch: 300, newRuns: 300 } };
});

const SLOW = { timeout: 10_000 };
const HOUR = 60 * 60_000;

/** The browser's Notification API as a test double: what was asked, and what was shown. */
function fakeNotifications(initial: NotificationPermission, answer = initial) {
  const shown: { title: string; body: string | undefined }[] = [];
  let asked = 0;
  class FakeNotification {
    static permission: NotificationPermission = initial;
    static requestPermission(): Promise<NotificationPermission> {
      asked += 1;
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
    close() {}
  }
  vi.stubGlobal('Notification', FakeNotification);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return { shown, asked: () => asked };
}

const watchNotices = () => screen.getByRole('status', { name: 'Watch notices' });

async function openRunPage(id: number) {
  mockLogLayout();
  const view = renderApp(`/runs/${id}`);
  await screen.findByRole('heading', { level: 1, name: new RegExp(`Run #${id}$`) }, SLOW);
  return view;
}

test('watching a Run on its page: permission asked on the click, notice and notification at its end', async () => {
  const notifications = fakeNotifications('default', 'granted');
  const { user } = await openRunPage(62);
  const toggle = await screen.findByRole('button', { name: 'Notify me when it finishes' });
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(notifications.asked()).toBe(0);
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(
    await screen.findByText(
      'Watching: a notice on this page and a browser notification when it finishes.',
    ),
  ).toBeInTheDocument();
  expect(notifications.asked()).toBe(1);

  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent('Run #62 External Scan finished: Failure'),
    SLOW,
  );
  const notices = screen.getByRole('list', { name: 'Finished while you watched' });
  expect(within(notices).getByRole('link', { name: 'Open Run #62' })).toBeInTheDocument();
  expect(notifications.shown).toEqual([
    {
      title: 'Run #62 External Scan finished: Failure',
      body: expect.stringMatching(/^External Scan on /),
    },
  ]);
  // Done: the watch cleared itself, and an ended Run has no toggle.
  expect(localStorage.getItem(WATCHES_KEY)).toBeNull();
  expect(
    screen.queryByRole('button', { name: 'Notify me when it finishes' }),
  ).not.toBeInTheDocument();
});

test('a refused permission is said plainly; the in-page notice still comes', async () => {
  const notifications = fakeNotifications('denied');
  const { user } = await openRunPage(56);
  await user.click(await screen.findByRole('button', { name: 'Notify me when it finishes' }));
  expect(
    await screen.findByText(/The browser blocks notifications for this site/),
  ).toBeInTheDocument();
  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent(/^Run #56 Scan finished: Success/),
    SLOW,
  );
  expect(notifications.shown).toEqual([]);
  expect(notifications.asked()).toBe(0);
});

test('a dismissed prompt, and a browser without notifications, are said too', async () => {
  fakeNotifications('default');
  const { user } = await openRunPage(56);
  const toggle = await screen.findByRole('button', { name: 'Notify me when it finishes' });
  await user.click(toggle);
  expect(await screen.findByText(/Browser notifications were not allowed/)).toBeInTheDocument();
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await screen.findByText('No longer watching Run #56.')).toBeInTheDocument();

  vi.unstubAllGlobals();
  expect('Notification' in window).toBe(false);
  await user.click(toggle);
  expect(
    await screen.findByText(/This browser does not support notifications/),
  ).toBeInTheDocument();
});

test('a watch survives a reload, follows a Run that is not on screen, and clears when done', async () => {
  fakeNotifications('granted');
  const first = await openRunPage(56);
  await first.user.click(await screen.findByRole('button', { name: 'Notify me when it finishes' }));
  first.unmount();

  // "Reloaded": the watch is still on, and followed from any page.
  const { user } = await openRunPage(56);
  expect(screen.getByRole('button', { name: 'Notify me when it finishes' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await user.click(screen.getByRole('link', { name: 'Lifecycle' }));
  await user.click(await screen.findByText('Watching Run #56 Scan', {}, SLOW));
  expect(screen.getByRole('button', { name: 'Stop watching Run #56 Scan' })).toBeInTheDocument();
  advanceClock(HOUR);
  await waitFor(() => expect(watchNotices()).toHaveTextContent(/^Run #56 Scan finished/), SLOW);
  expect(screen.queryByText('Watching Run #56 Scan')).not.toBeInTheDocument();
  expect(localStorage.getItem(WATCHES_KEY)).toBeNull();
});

test('without the stream, a watched Run off screen is polled to its end', async () => {
  backend.server.use(
    http.get(
      `*/api${paths.operationsStream}`,
      () => new Response('{"detail":"Not Found"}', { status: 404 }),
    ),
  );
  const { user } = await openRunPage(62);
  await waitFor(() => expect(getRunFeed().status).toBe('unavailable'), SLOW);
  await user.click(await screen.findByRole('button', { name: 'Notify me when it finishes' }));
  // Away from the Run: only the watch follows it now.
  await user.click(screen.getByRole('link', { name: 'Lifecycle' }));
  await screen.findByRole('heading', { level: 1, name: /lifecycle/i }, SLOW);
  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent('Run #62 External Scan finished: Failure'),
    SLOW,
  );
});

test('watching a Run from its expanded row on the Activity page', async () => {
  const { user } = renderApp('/?expanded=57');
  const details = await screen.findByRole('article', { name: /Run #57$/ }, SLOW);
  await user.click(
    await within(details).findByRole('button', { name: 'Notify me when it finishes' }),
  );
  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent(/^Run #57 Profile finished: Success/),
    SLOW,
  );
});

test("watching a Run from its collapsed row: a bell in the row's tab stop, and the w key", async () => {
  const { user } = renderApp('/');
  const table = await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  const bell = await within(table).findByRole(
    'button',
    { name: 'Notify me when Run #57 finishes' },
    SLOW,
  );
  expect(bell).toHaveAttribute('tabindex', '-1');
  // An ended Run has no bell.
  const ended = within(table)
    .getAllByRole('row')
    .find((row) => within(row).queryByText('Success') !== null);
  expect(ended).toBeDefined();
  expect(within(ended as HTMLElement).queryByRole('button', { name: /^Notify me/ })).toBeNull();
  await user.click(bell);
  expect(bell).toHaveAttribute('aria-pressed', 'true');
  // The row it sits in is now the table's one tab stop.
  expect(bell).toHaveAttribute('tabindex', '0');
  expect(await screen.findByText('Watching Run #57 Profile')).toBeInTheDocument();
  await user.keyboard('w');
  expect(bell).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getByText('No longer watching Run #57.')).toBeInTheDocument();
  await user.keyboard('w');
  expect(bell).toHaveAttribute('aria-pressed', 'true');

  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent(/^Run #57 Profile finished: Success/),
    SLOW,
  );
  await waitFor(() =>
    expect(
      within(table).queryByRole('button', { name: 'Notify me when Run #57 finishes' }),
    ).not.toBeInTheDocument(),
  );
});

test('a watch for any Failure among the filtered Runs tells of the first new one, then clears', async () => {
  fakeNotifications('granted');
  const { user } = renderApp('/?type=external_scan');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  const toggle = screen.getByRole('button', { name: 'Notify me when any Failure appears' });
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(
    await screen.findByText(
      'Watching: a notice on this page and a browser notification when a Failure appears among External Scan Runs.',
    ),
  ).toBeInTheDocument();
  expect(screen.getByText('Watching a Failure among External Scan Runs')).toBeInTheDocument();
  // Other filters are other watches.
  await user.click(screen.getByRole('button', { name: /^Type/ }));
  await user.click(await screen.findByRole('checkbox', { name: 'Scan' }));
  await waitFor(() =>
    expect(
      screen.getByRole('button', { name: 'Notify me when any Failure appears' }),
    ).toHaveAttribute('aria-pressed', 'false'),
  );
  await user.keyboard('{Escape}');

  advanceClock(HOUR);
  await waitFor(
    () =>
      expect(watchNotices()).toHaveTextContent(
        'Run #62 External Scan finished: Failure (watching for a Failure among External Scan Runs)',
      ),
    SLOW,
  );
  expect(localStorage.getItem(WATCHES_KEY)).toBeNull();
});

test('a watched Run that ended and was deleted while the app was closed is said to be gone', async () => {
  const first = await openRunPage(56);
  await first.user.click(await screen.findByRole('button', { name: 'Notify me when it finishes' }));
  first.unmount();
  advanceClock(HOUR);
  expect(sim.delete(56).status).toBe(204);

  renderApp('/lifecycle');
  await waitFor(
    () =>
      expect(watchNotices()).toHaveTextContent(
        'Run #56 Scan is gone: it was deleted before it finished',
      ),
    SLOW,
  );
  expect(localStorage.getItem(WATCHES_KEY)).toBeNull();
});

test('a stored watch that cannot be read is dropped and said; the others still work', async () => {
  localStorage.setItem(
    WATCHES_KEY,
    JSON.stringify([
      { kind: 'run', id: 'x' },
      { kind: 'run', id: 62, type: 'external_scan' },
    ]),
  );
  renderApp('/lifecycle');
  expect(
    await screen.findByText('A stored watch could not be read and was dropped.', {}, SLOW),
  ).toBeInTheDocument();
  expect(screen.getByText('Watching Run #62 External Scan')).toBeInTheDocument();
  advanceClock(HOUR);
  await waitFor(
    () => expect(watchNotices()).toHaveTextContent('Run #62 External Scan finished: Failure'),
    SLOW,
  );
});

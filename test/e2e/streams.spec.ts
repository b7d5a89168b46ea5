/**
 * The live streams through the browser's service worker (docs/api.md "Live streams"): the page
 * reads them with fetch, as the dashboard does; the simulator runs in the page. Proves that the
 * stream handlers (plain `ReadableStream` answers) stream through the worker, wake when the clock
 * is moved, and stop their ticker when the page aborts the fetch.
 */
import { expect, test } from '@playwright/test';
import { resetSim, waitForSimulator } from './sim';

test('a log stream and the Runs stream flow through the service worker, and stop when aborted', async ({
  page,
}) => {
  await page.goto('/');
  await waitForSimulator(page);
  await resetSim(page, 'default');

  const outcome = await page.evaluate(async () => {
    // Count the simulator's stream tickers (250 ms intervals): the handlers run in this page.
    const tickers = new Set<number>();
    const setInterval = window.setInterval.bind(window);
    const clearInterval = window.clearInterval.bind(window);
    window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const id = setInterval(handler, ms, ...rest);
      if (ms === 250) tickers.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) tickers.delete(id);
      clearInterval(id);
    }) as typeof window.clearInterval;

    /** A reader of one stream's events; `until` reads on until `done` says so. */
    function events(response: Response) {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      const seen: Record<string, string>[] = [];
      let buffer = '';
      return async (done: (seen: Record<string, string>[]) => boolean) => {
        while (reader && !done(seen)) {
          const chunk = await reader.read();
          if (chunk.done) break;
          buffer += decoder.decode(chunk.value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event: Record<string, string> = {};
            for (const line of buffer.slice(0, end).split('\n')) {
              const colon = line.indexOf(':');
              if (colon > 0) event[line.slice(0, colon)] = line.slice(colon + 2);
            }
            if (event.event) seen.push(event);
            buffer = buffer.slice(end + 2);
          }
        }
        return [...seen];
      };
    }
    const advance = (ms: number) =>
      fetch('/api/__sim/clock', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advance_ms: ms }),
      });

    const logs = new AbortController();
    const logStream = await fetch('/api/operations/56/logs/stream', { signal: logs.signal });
    const feed = new AbortController();
    const feedStream = await fetch('/api/operations/stream', { signal: feed.signal });
    const logEvents = events(logStream);
    const feedEvents = events(feedStream);
    const backlog = await logEvents((seen) => seen.length >= 5);
    const open = tickers.size;
    // The clock is paused: only moving it by hand makes more happen.
    await advance(10 * 60_000);
    const changes = await feedEvents((seen) => seen.length >= 1);
    const all = await logEvents((seen) => seen.length > backlog.length);
    logs.abort();
    feed.abort();
    for (let waited = 0; tickers.size > 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => window.setTimeout(resolve, 50));
    }
    return {
      type: logStream.headers.get('content-type'),
      first: backlog[0],
      live: all.length - backlog.length,
      change: changes[0]?.event,
      changed: JSON.parse(changes[0]?.data ?? '{}') as { id?: number },
      open,
      left: tickers.size,
    };
  });

  expect(outcome.type).toBe('text/event-stream');
  expect(outcome.first).toMatchObject({ event: 'entry', id: '1' });
  expect(outcome.live).toBeGreaterThan(0);
  expect(outcome.change).toBe('run');
  expect(outcome.changed.id).toBeGreaterThan(0);
  expect(outcome.open).toBe(2);
  expect(outcome.left).toBe(0);
});

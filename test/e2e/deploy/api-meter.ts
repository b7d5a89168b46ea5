/**
 * For the outage journeys: each page counts the API requests it starts (every read, write and
 * stream goes through `fetch`) and how many are still waiting for an answer, and the clock of
 * their browser context (Playwright's fake timers: one clock for all its pages) is driven by hand,
 * so that a minute of backoff takes no minute.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

interface Meter {
  started: number;
  pending: number;
  /** What went out, with the page's clock: for a message when a count is off. */
  log: string[];
}

declare global {
  interface Window {
    __apiMeter?: Meter;
  }
}

/**
 * Before any page's own scripts: fake timers, and fetch counted in every page (the simulator's
 * controls aside).
 */
export async function meterApi(context: BrowserContext): Promise<void> {
  await context.clock.install();
  await context.addInitScript(() => {
    const meter: Meter = { started: 0, pending: 0, log: [] };
    window.__apiMeter = meter;
    const real = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (!url.pathname.startsWith('/api/') || url.pathname.startsWith('/api/__sim/')) {
        return real(input, init);
      }
      meter.started += 1;
      meter.log.push(`${new Date().toISOString().slice(11, 19)} ${url.pathname}${url.search}`);
      meter.pending += 1;
      const answer = real(input, init);
      const settle = () => {
        meter.pending -= 1;
      };
      answer.then(settle, settle);
      return answer;
    };
  });
}

export async function apiRequests(page: Page): Promise<number> {
  return page.evaluate(() => window.__apiMeter?.started ?? 0);
}

/** The requests from number `from` on: where they went, at what time of the page's clock. */
export async function apiLog(page: Page, from = 0): Promise<string[]> {
  return page.evaluate((from) => window.__apiMeter?.log.slice(from) ?? [], from);
}

/**
 * Moves the context's clock on by `seconds`, a second at a time, letting every request a timer
 * started get its answer (or its failure) before the next second: what the pages do in that
 * time, without waiting for it.
 */
export async function advance(
  context: BrowserContext,
  seconds: number,
  { answers = true }: { readonly answers?: boolean } = {},
): Promise<void> {
  for (let second = 0; second < seconds; second += 1) {
    await context.clock.runFor(1_000);
    // A server that hangs gives no answer to wait for: its requests end by the page's timeouts.
    if (answers) await settled(context);
  }
}

/** Advances a second at a time until `done` holds, for at most `seconds`; answers how many. */
export async function advanceUntil(
  context: BrowserContext,
  done: () => Promise<boolean>,
  seconds: number,
): Promise<number> {
  for (let second = 1; second <= seconds; second += 1) {
    await context.clock.runFor(1_000);
    await settled(context);
    if (await done()) return second;
  }
  throw new Error(`still not so after ${seconds} s of the pages' clock`);
}

/** Every request out has its answer headers or its failure (a stream's body may go on). */
async function settled(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) {
    const pending = () => page.evaluate(() => window.__apiMeter?.pending ?? 0);
    if ((await pending()) > 0) await expect.poll(pending).toBe(0);
  }
}

/**
 * The deployment in a browser (issue 13, SPEC §7): the production build (`npm run build`, no
 * simulator in it) served by Debian's nginx from deploy/'s template, the API proxied to the demo
 * server (the simulator over real HTTP). The app works under the strict CSP, nginx adds the token,
 * and nothing the browser receives holds it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { sha256Hex } from '../../../mocks/http/authorization-log';
import type { Started } from './stack';
import { DIST, startDemo, startNginx } from './stack';

// Not a real secret: made up per run, so a match can only come from this deployment.
const TOKEN = `deploy-journey-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

let demo: Started;
let nginx: Started;

test.beforeAll(async () => {
  demo = await startDemo();
  nginx = await startNginx({ API_UPSTREAM: demo.url, API_TOKEN: TOKEN });
  // The simulator's clock stands still: the journey sees the same Runs each time.
  const paused = await fetch(`${nginx.url}/api/__sim/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paused: true }),
  });
  expect(paused.ok).toBe(true);
});
test.afterAll(async () => {
  await nginx?.stop();
  await demo?.stop();
});

/** Every CSP violation and console error the page reports, and every body it received. */
function watch(page: Page) {
  const problems: string[] = [];
  const bodies: { url: string; text: string }[] = [];
  const headers: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const sent = request.headers().authorization;
    if (sent !== undefined) problems.push(`the browser sent Authorization to ${request.url()}`);
  });
  page.on('response', async (response) => {
    headers.push(JSON.stringify(response.headers()));
    // A stream never ends while the page is open: its events are checked by the token search
    // on the API answers instead.
    if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    try {
      bodies.push({ url: response.url(), text: (await response.body()).toString('latin1') });
    } catch {
      // A body dropped by a navigation: nothing was shown from it.
    }
  });
  return { problems, bodies, headers };
}

test.beforeEach(async ({ page }) => {
  // The page reports its own violations too (before any script of the app runs).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
});

test('Activity, a Run page with its log and the lifecycle diagrams work under the CSP; the API sees the token, the browser never', async ({
  page,
}) => {
  const seen = watch(page);

  await page.goto(nginx.url);
  const table = page.getByRole('table', { name: /^Runs/ });
  await expect(table.getByRole('rowheader', { name: /^#\d+/ }).first()).toBeVisible();

  await page.goto(`${nginx.url}/runs/1?tab=logs`);
  await expect(page.getByRole('heading', { name: /Run #1/ })).toBeVisible();
  const lines = page.getByRole('region', { name: 'Run #1 log lines' }).getByRole('listitem');
  await expect(lines.first()).toContainText('Materialize run created by grace@example.com');

  await page.goto(`${nginx.url}/lifecycle`);
  await expect(page.getByRole('heading', { level: 1, name: 'Run lifecycle' })).toBeVisible();
  const general = page.getByRole('figure', { name: /^Sync, Profile, Scan/ });
  const svg = general.locator('svg[aria-roledescription="flowchart-v2"]');
  await expect(svg.locator('.node .nodeLabel')).toHaveText([
    'Queued',
    'Running',
    'Success',
    'Failure',
    'Aborted',
  ]);
  // mermaid's styles applied (its <style> inside the SVG): a dotted edge is drawn dotted.
  await expect(svg.locator('path.flowchart-link.edge-pattern-dotted').first()).not.toHaveCSS(
    'stroke-dasharray',
    'none',
  );

  expect(seen.problems).toEqual([]);

  // The API received the token on every request, added by nginx.
  const log = (await (await fetch(`${demo.url}/__demo/authorization`)).json()) as {
    requests: number;
    without: number;
    digests: Record<string, number>;
  };
  expect(log.requests).toBeGreaterThan(3);
  expect(log.without).toBe(0);
  expect(Object.keys(log.digests)).toEqual([sha256Hex(`Bearer ${TOKEN}`)]);

  // Nothing the browser received holds it: no body, no header.
  expect(seen.bodies.length).toBeGreaterThan(5);
  expect(seen.bodies.filter((body) => body.text.includes(TOKEN)).map((b) => b.url)).toEqual([]);
  expect(seen.headers.filter((text) => text.includes(TOKEN))).toEqual([]);
});

test('every file of the build, as nginx serves it, is free of the token and carries the policy', async () => {
  const files = (function walk(folder: string): string[] {
    return readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(DIST, path)];
    });
  })(DIST);
  expect(files).toContain('index.html');
  for (const file of files) {
    const answer = await fetch(`${nginx.url}/${file}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(answer.status, file).toBe(200);
    expect(await answer.text(), file).not.toContain(TOKEN);
    expect(answer.headers.get('content-security-policy'), file).toContain("script-src 'self'");
    expect(answer.headers.get('x-content-type-options'), file).toBe('nosniff');
    const cache = answer.headers.get('cache-control');
    expect(cache, file).toBe(
      file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  }
});

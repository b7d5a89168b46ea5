/**
 * The production build ships what production needs and no more (issue 13, item 3): no source
 * maps, no simulator service worker, no inline script (a `script-src 'self'` policy would block
 * it), and no build-time variable can put a token into the bundle.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, ROOT } from './stack';

const files = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [relative(DIST, path)];
  });

test('dist/ holds no source map, no mockServiceWorker.js, and index.html no inline script', () => {
  const built = files(DIST);
  expect(built.filter((file) => file.endsWith('.map'))).toEqual([]);
  expect(built).not.toContain('mockServiceWorker.js');
  for (const file of built.filter((name) => name.endsWith('.js'))) {
    expect(readFileSync(join(DIST, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [whole, attributes, body] of scripts) {
    expect(attributes, whole).toMatch(/\ssrc="\/[^"]+"/);
    expect((body ?? '').trim(), whole).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handler either
});

for (const name of ['VITE_API_TOKEN', 'VITE_AUTH_HEADER']) {
  test(`a build with ${name} set fails, saying where the token belongs`, () => {
    const out = mkdtempSync(join(tmpdir(), 'runs-build-'));
    try {
      const build = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], {
        cwd: ROOT,
        env: { ...process.env, [name]: 'not-a-real-token-123' },
        encoding: 'utf8',
      });
      expect(build.status).not.toBe(0);
      expect(build.stdout + build.stderr).toContain(
        `${name} would be written into the JavaScript every visitor downloads`,
      );
      expect(build.stdout + build.stderr).toContain('let the reverse proxy add it');
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}

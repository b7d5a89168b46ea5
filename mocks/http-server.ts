/**
 * `npm run demo:serve`: the demo server as a command (SPEC §7). Built by `vite.demo.config.ts`
 * into `dist-demo/server.mjs`, since Node 20 does not run TypeScript; serves `dist/` from the
 * current folder. Settings from the environment: PORT (4173), SEED, SCENARIO, HOST (localhost).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DemoServer } from './http/demo-server';
import { startDemoServer } from './http/demo-server';
import { demoSettings } from './http/env';

/** A stop must not take longer than this, whatever is still open. */
const STOP_WITHIN_MS = 900;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = demoSettings(process.env);
  if (!parsed.ok) fail(parsed.message);
  const { port, host, scenario, seed } = parsed.settings;
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    fail(
      `No production build in ${dist}: run \`npm run build\` first (\`npm run demo\` does both)`,
    );
  }
  let demo: DemoServer;
  try {
    demo = await startDemoServer({ port, dist, scenario, seed, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is already in use — set PORT to another port`);
    if (code === 'EACCES') fail(`Port ${port} needs more privileges — set PORT to another port`);
    throw error;
  }
  console.log(
    `Runs Activity demo on ${demo.url}/ (scenario ${scenario}, seed ${seed}; the simulator's API under /api). Ctrl-C stops it.`,
  );
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    setTimeout(() => process.exit(0), STOP_WITHIN_MS).unref();
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => fail(`The demo server could not start: ${String(error)}`));

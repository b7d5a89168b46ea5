/**
 * `npm run demo` (SPEC §7): the production build and the simulator's API on one origin, over real
 * HTTP. `/api/*` goes to the same MSW handlers the browser worker uses (api-bridge.ts), the
 * simulator's clock follows real time, `/runtime-config.js` points the app at that API, and every
 * other path is a file of the build or the app's index.html (static-files.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import { createHandlers } from '../handlers/all';
import { DEFAULT_SEED, Simulator } from '../simulator';
import { apiBridge } from './api-bridge';
import { plainAnswer } from './plain-answer';
import { NO_CACHE, staticFiles } from './static-files';

export interface DemoServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The production build to serve (`dist/`). */
  readonly dist: string;
  readonly scenario?: Scenario;
  readonly seed?: number;
  /** The address to listen on; every interface when absent. */
  readonly host?: string;
}

export interface DemoServer {
  /** `http://localhost:PORT` */
  readonly url: string;
  readonly port: number;
  readonly sim: Simulator;
  /** Stops accepting, ends open streams and connections; resolves once the server is closed. */
  close(): Promise<void>;
}

/** The app's runtime configuration for this server: its API, and the simulator's panel on. */
export const RUNTIME_CONFIG =
  "window.__RUNS_DASHBOARD_CONFIG__ = { apiBaseUrl: '/api', simulator: true };\n";

/** How long open connections get to finish when the server stops, before they are cut. */
const CLOSE_GRACE_MS = 300;

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const sim = new Simulator({
    scenario: options.scenario ?? 'default',
    seed: options.seed ?? DEFAULT_SEED,
    clock: VirtualClock.real(Date.now()),
  });
  const api = apiBridge(createHandlers({ base: '*/api', sim: () => sim, onChange: () => {} }));
  const files = await staticFiles(options.dist);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return api.handle(req, res);
    if (path === '/runtime-config.js' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': Buffer.byteLength(RUNTIME_CONFIG),
        'Cache-Control': NO_CACHE,
        'X-Content-Type-Options': 'nosniff',
      });
      return void res.end(req.method === 'HEAD' ? undefined : RUNTIME_CONFIG);
    }
    return files.serve(req, res, path);
  }

  const server = createServer({ noDelay: true }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`${req.method ?? ''} ${req.url ?? ''} failed:`, error);
      if (res.headersSent) res.destroy();
      else plainAnswer(res, 500, 'Internal server error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    sim,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        api.close();
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}

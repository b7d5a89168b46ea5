/**
 * Configuration, validated once. A deployment sets the API address and options without rebuilding
 * through `runtime-config.js` (`window.__RUNS_DASHBOARD_CONFIG__`), or at build time with
 * `VITE_API_BASE_URL`. It holds no secrets: the browser never holds an API token (a proxy adds it,
 * see deploy/); a token found in the runtime configuration is refused and said so.
 */
import { z } from 'zod/mini';

const timeoutMs = z.int().check(z.minimum(1_000), z.maximum(300_000));

const runtimeSchema = z.looseObject({
  apiBaseUrl: z.optional(z.string().check(z.minLength(1))),
  /** The API is the simulator served over HTTP (`npm run demo`): show its control panel. */
  simulator: z.optional(z.boolean()),
  readTimeoutMs: z.optional(timeoutMs),
  writeTimeoutMs: z.optional(timeoutMs),
});

declare global {
  interface Window {
    __RUNS_DASHBOARD_CONFIG__?: unknown;
  }
}

/** Where the simulated backend runs, if anywhere. */
export type SimulatorMode = 'off' | 'in-browser' | 'remote';

export interface AppConfig {
  /** Absolute or same-origin base of the API, without a trailing slash. */
  readonly apiBaseUrl: string;
  readonly simulator: SimulatorMode;
  readonly timeouts: { readonly readMs: number; readonly writeMs: number };
  /** What was wrong with the runtime configuration (shown in the app; never silently ignored). */
  readonly problems: readonly string[];
}

const TOKEN_KEYS = /token|secret|password|authorization|bearer/i;

export function readConfig(raw: unknown, inBrowserSimulator: boolean): AppConfig {
  const problems: string[] = [];
  const given = typeof raw === 'object' && raw !== null ? raw : {};
  const secrets = Object.keys(given).filter((key) => TOKEN_KEYS.test(key));
  if (secrets.length > 0) {
    problems.push(
      `runtime-config.js holds ${secrets.join(', ')}: it was ignored. Every visitor can read that file, so the dashboard never sends a token from it — let the reverse proxy add the API token (deploy/nginx.conf, API_TOKEN).`,
    );
  }
  const parsed = runtimeSchema.safeParse(given);
  if (!parsed.success) {
    problems.push(
      `runtime-config.js is not valid and was ignored: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  const runtime = parsed.success ? parsed.data : {};
  const base =
    runtime.apiBaseUrl ?? (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '/api';
  const simulator: SimulatorMode = inBrowserSimulator
    ? 'in-browser'
    : runtime.simulator
      ? 'remote'
      : 'off';
  return {
    // With the simulator in the browser, the API is always the in-browser one on this origin.
    apiBaseUrl: inBrowserSimulator ? '/api' : base.replace(/\/+$/, ''),
    simulator,
    timeouts: {
      readMs: runtime.readTimeoutMs ?? 15_000,
      writeMs: runtime.writeTimeoutMs ?? 30_000,
    },
    problems,
  };
}

export const config: AppConfig = readConfig(
  typeof window === 'undefined' ? {} : (window.__RUNS_DASHBOARD_CONFIG__ ?? {}),
  import.meta.env.VITE_SIMULATOR === 'on',
);

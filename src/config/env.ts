/**
 * Configuration, validated once. Build-time values come from Vite env (`VITE_*`); a deployment can
 * override the API address and token without rebuilding through `public/runtime-config.js`, which
 * sets `window.__RUNS_DASHBOARD_CONFIG__`.
 */
import { z } from 'zod/mini';

const runtimeSchema = z.object({
  apiBaseUrl: z.optional(z.string().check(z.minLength(1))),
  apiToken: z.optional(z.nullable(z.string().check(z.minLength(1)))),
});

declare global {
  interface Window {
    __RUNS_DASHBOARD_CONFIG__?: unknown;
  }
}

export interface AppConfig {
  /** Absolute or same-origin base of the API, without a trailing slash. */
  readonly apiBaseUrl: string;
  readonly apiToken: string | null;
  /** Whether the simulated backend runs in the browser (development and demo builds). */
  readonly simulator: boolean;
}

function readConfig(): AppConfig {
  const runtime = runtimeSchema.safeParse(
    typeof window === 'undefined' ? {} : (window.__RUNS_DASHBOARD_CONFIG__ ?? {}),
  );
  const fromRuntime = runtime.success ? runtime.data : {};
  const simulator = import.meta.env.VITE_SIMULATOR === 'on';
  const base =
    fromRuntime.apiBaseUrl ?? (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '/api';
  const token =
    fromRuntime.apiToken ?? (import.meta.env.VITE_API_TOKEN as string | undefined) ?? null;
  return {
    // With the simulator on, the API is always the in-browser one on this origin.
    apiBaseUrl: simulator ? '/api' : base.replace(/\/+$/, ''),
    apiToken: simulator ? null : token || null,
    simulator,
  };
}

export const config: AppConfig = readConfig();

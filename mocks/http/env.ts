/** The demo server's settings from the environment: `PORT`, `SEED`, `SCENARIO` (and `HOST`). */
import type { Scenario } from '../../src/api/contract';
import { SCENARIOS } from '../../src/api/contract';
import { DEFAULT_SEED } from '../simulator';

export const DEFAULT_PORT = 4173;
/** Like `vite preview`: this machine only, unless HOST says otherwise (`0.0.0.0` for all). */
export const DEFAULT_HOST = 'localhost';

export interface DemoSettings {
  readonly port: number;
  readonly host: string;
  readonly scenario: Scenario;
  readonly seed: number;
}

/** The settings, or the message that says which variable is wrong and what it takes. */
export function demoSettings(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; settings: DemoSettings } | { ok: false; message: string } {
  const problems: string[] = [];
  const whole = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && value <= max) return value;
    problems.push(`${name}=${JSON.stringify(raw)} is not valid: expected a whole number 0–${max}`);
    return fallback;
  };
  const port = whole('PORT', DEFAULT_PORT, 65_535);
  const seed = whole('SEED', DEFAULT_SEED, 2 ** 32 - 1);
  const scenario = env.SCENARIO || 'default';
  if (!(SCENARIOS as readonly string[]).includes(scenario)) {
    problems.push(
      `SCENARIO=${JSON.stringify(scenario)} is not a scenario: expected one of ${SCENARIOS.join(', ')}`,
    );
  }
  if (problems.length > 0) return { ok: false, message: problems.join('\n') };
  return {
    ok: true,
    settings: { port, seed, scenario: scenario as Scenario, host: env.HOST || DEFAULT_HOST },
  };
}

/**
 * The simulator's control surface (SPEC §6, `/__sim/*`), only present when the simulator is on:
 * scenarios, the clock, the acting user and the fault modes. Part of the contract (re-exported by
 * contract.ts).
 */
import { z } from 'zod/mini';
import { PERMISSIONS, ROLES } from '../domain/permissions';

const isoDateTime = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time'));

export const SCENARIOS = ['default', 'empty', 'busy', 'huge-log', 'million-log', 'flaky'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const simResetBodySchema = z.strictObject({
  scenario: z.optional(z.enum(SCENARIOS)),
  seed: z.optional(z.int().check(z.nonnegative())),
});
export type SimResetBody = z.infer<typeof simResetBodySchema>;

export const simClockBodySchema = z.strictObject({
  advance_ms: z.optional(z.int().check(z.nonnegative())),
  paused: z.optional(z.boolean()),
  speed: z.optional(z.number().check(z.positive(), z.maximum(10_000))),
});
export type SimClockBody = z.infer<typeof simClockBodySchema>;

export const simClockSchema = z.looseObject({
  now: isoDateTime,
  paused: z.boolean(),
  speed: z.number().check(z.positive()),
});
export type SimClockWire = z.infer<typeof simClockSchema>;

export const simUserBodySchema = z.strictObject({
  role: z.enum(ROLES),
  permission: z.optional(z.enum(PERMISSIONS)),
});
export type SimUserBody = z.infer<typeof simUserBodySchema>;

/**
 * Fault injection for the API answers (never for `/__sim/*`): `flaky` fails about one answer in
 * five (503 with Retry-After, 500, or a gateway's 502 page), slows another one in five by 1–3 s and
 * cuts about one in twenty mid-answer; `down` fails every request as a network error; `hang` never
 * answers until the client gives up.
 */
export const FAULT_MODES = ['none', 'flaky', 'down', 'hang'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const simFaultsBodySchema = z.strictObject({ mode: z.enum(FAULT_MODES) });
export type SimFaultsBody = z.infer<typeof simFaultsBodySchema>;
export const simFaultsSchema = z.looseObject({ mode: z.enum(FAULT_MODES) });
export type SimFaultsWire = z.infer<typeof simFaultsSchema>;

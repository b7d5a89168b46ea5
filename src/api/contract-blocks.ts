/** The contract's building blocks: the scalar schemas every wire shape is made of. */
import { z } from 'zod/mini';
import { OPERATION_TYPES } from '../domain/operations';
import { RUN_STATES } from '../domain/states';

export const isoDateTime = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time'));
/** A real calendar day written YYYY-MM-DD (UTC); `2026-02-30` and `2026-13-01` are not. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
export const dayString = z.string().check(z.refine(isDay, 'expected a calendar date YYYY-MM-DD'));
export const count = z.int().check(z.nonnegative());
export const id = z.int().check(z.nonnegative());
export const positiveInt = z.int().check(z.positive());

/** The same schema for every key of a list the domain owns: wire fields named once. */
export function fieldsOf<K extends string, S>(
  keys: readonly K[],
  schema: S,
): Readonly<Record<K, S>> {
  return Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>;
}

export const operationTypeSchema = z.enum(OPERATION_TYPES);
export const runResultSchema = z.enum(RUN_STATES);

/**
 * The random commands of the simulated backend's property tests (simulator.property.test.ts):
 * advance the clock, launch, abort, resume, rerun, delete, switch user, as fast-check arbitraries.
 */
import fc from 'fast-check';
import type { SimUserBody } from '../src/api/contract';
import type { OperationType } from '../src/domain/operations';
import { OPERATION_TYPES } from '../src/domain/operations';
import { DATASTORES } from './db/catalog';

// ---------------------------------------------------------------------------------------------
// Commands

export const USERS = {
  admin: { role: 'Admin' },
  editor: { role: 'Member', permission: 'Editor' },
  viewer: { role: 'Member', permission: 'Viewer' },
} as const satisfies Record<string, SimUserBody>;
export type Who = keyof typeof USERS;

export type Target = 'any' | 'active' | 'terminal' | 'ended-badly' | 'deleted' | 'missing';
export type Action = 'abort' | 'resume' | 'rerun' | 'delete';

export type Cmd =
  | { readonly kind: 'advance'; readonly ms: number }
  | {
      readonly kind: 'launch';
      readonly type: OperationType;
      /** 1..n are the catalog's datastores; n + 1 does not exist. */
      readonly datastore: number;
      readonly containers: 'all' | 'some' | 'unknown';
      readonly pick: number;
    }
  | { readonly kind: Action; readonly target: Target; readonly pick: number }
  | { readonly kind: 'user'; readonly who: Who };

const advanceArb = fc.record({
  kind: fc.constant('advance' as const),
  ms: fc.oneof(
    fc.integer({ min: 0, max: 20_000 }),
    fc.integer({ min: 0, max: 15 * 60_000 }),
    fc.integer({ min: 0, max: 3 * 3_600_000 }),
  ),
});
const launchArb = fc.record({
  kind: fc.constant('launch' as const),
  type: fc.constantFrom(...OPERATION_TYPES),
  datastore: fc.integer({ min: 1, max: DATASTORES.length + 1 }),
  containers: fc.constantFrom('all' as const, 'all' as const, 'some' as const, 'unknown' as const),
  pick: fc.nat(),
});
const actionArb = fc.record({
  kind: fc.constantFrom('abort' as const, 'resume' as const, 'rerun' as const, 'delete' as const),
  target: fc.constantFrom<Target>(
    'any',
    'active',
    'terminal',
    'ended-badly',
    'ended-badly',
    'deleted',
    'missing',
  ),
  pick: fc.nat(),
});
const userArb = fc.record({
  kind: fc.constant('user' as const),
  who: fc.constantFrom<Who>('admin', 'editor', 'editor', 'viewer'),
});

export const commandArb = (launchWeight = 3): fc.Arbitrary<Cmd> =>
  fc.oneof(
    { arbitrary: advanceArb, weight: 4 },
    { arbitrary: launchArb, weight: launchWeight },
    { arbitrary: actionArb, weight: 5 },
    { arbitrary: userArb, weight: 1 },
  );
/** Sequences of up to `max` commands (size 'max': fast-check would otherwise keep them short). */
export const commandsArb = (max: number, launchWeight?: number) =>
  fc.array(commandArb(launchWeight), { maxLength: max, size: 'max' });

/**
 * What the answer to an Abort means. The API answers 200 with the Run as it now is: Aborted when
 * the abort landed, or its real state when the Run had already finished (the race of SPEC §2).
 * One reading, which the single-Run notice and the bulk outcome both put in words.
 */
import { assertNever } from '../../domain/assert-never';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';

export type AbortAnswer =
  /** The abort landed: by the acting user, or the server does not say who (`by` null). */
  | { readonly kind: 'aborted'; readonly by: string | null }
  /** Someone else (or `System`) had already aborted it. */
  | { readonly kind: 'aborted-by-other'; readonly by: string }
  /** It had already finished on its own. */
  | { readonly kind: 'finished'; readonly state: Extract<RunState, 'success' | 'failure'> }
  /** Accepted, but the Run is still active: it stops as soon as the worker notices. */
  | { readonly kind: 'requested'; readonly state: Extract<RunState, 'queued' | 'running'> };

export function readAbortAnswer(answer: Run, actingEmail: string): AbortAnswer {
  switch (answer.state) {
    case 'aborted': {
      // An empty name says no more than a missing one.
      const by = answer.abortedBy || null;
      return by !== null && by !== actingEmail
        ? { kind: 'aborted-by-other', by }
        : { kind: 'aborted', by };
    }
    case 'success':
    case 'failure':
      return { kind: 'finished', state: answer.state };
    case 'queued':
    case 'running':
      return { kind: 'requested', state: answer.state };
    default:
      return assertNever(answer.state, 'state');
  }
}

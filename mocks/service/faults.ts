/**
 * The simulator's fault mode and the faults it draws, one per API request (handlers/faults.ts
 * applies them). `flaky` draws from a random source seeded by the simulator's seed, so the same
 * seed and the same order of requests give the same faults; a reset starts the sequence again.
 */
import type { FaultMode, Scenario } from '../../src/api/contract';
import { Random } from '../engine/random';

/** What happens to one API request. */
export type Fault =
  | { readonly kind: 'none' }
  /** Answered normally after `ms`. */
  | { readonly kind: 'slow'; readonly ms: number }
  /** 503 with `Retry-After` (seconds), before the request is handled. */
  | { readonly kind: 'busy'; readonly retryAfter: number }
  /** 500, before the request is handled. */
  | { readonly kind: 'error' }
  /** A gateway's 502 HTML page, after the request was handled (its command did happen). */
  | { readonly kind: 'gateway' }
  /** Headers and part of the body, then the stream errors (the request was handled). */
  | { readonly kind: 'cut' }
  /** A network error. */
  | { readonly kind: 'down' }
  /** No answer until the client gives up (or the mode changes). */
  | { readonly kind: 'hang' };

/** The mode a scenario starts with. */
export const scenarioFaults = (scenario: Scenario): FaultMode =>
  scenario === 'flaky' ? 'flaky' : 'none';

export class Faults {
  private current: FaultMode = 'none';
  private rng = new Random(0);
  private readonly hanging = new Set<() => void>();

  get mode(): FaultMode {
    return this.current;
  }

  /** A new sequence of draws for `seed`, in `mode`. */
  reset(seed: number, mode: FaultMode): void {
    this.rng = Random.derive(seed, 'faults');
    this.setMode(mode);
  }

  /** Switches the mode; requests left hanging end (as network errors). */
  setMode(mode: FaultMode): void {
    this.current = mode;
    for (const release of [...this.hanging]) release();
  }

  /** The fault for the next API request. */
  draw(): Fault {
    switch (this.current) {
      case 'none':
        return { kind: 'none' };
      case 'down':
        return { kind: 'down' };
      case 'hang':
        return { kind: 'hang' };
      case 'flaky':
        return this.flaky();
      default: {
        const exhaustive: never = this.current;
        return exhaustive;
      }
    }
  }

  /** Requests waiting in `hang` now. */
  get hangingCount(): number {
    return this.hanging.size;
  }

  /** Resolves once the request is aborted or the mode changes; holds nothing after that. */
  hang(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        this.hanging.delete(release);
        signal.removeEventListener('abort', release);
        resolve();
      };
      if (signal.aborted) return resolve();
      this.hanging.add(release);
      signal.addEventListener('abort', release, { once: true });
    });
  }

  private flaky(): Fault {
    const roll = this.rng.next();
    if (roll < 0.2) {
      return this.rng.pick<Fault>([
        { kind: 'busy', retryAfter: this.rng.int(1, 3) },
        { kind: 'error' },
        { kind: 'gateway' },
      ]);
    }
    if (roll < 0.4) return { kind: 'slow', ms: this.rng.int(1_000, 3_000) };
    if (roll < 0.45) return { kind: 'cut' };
    return { kind: 'none' };
  }
}

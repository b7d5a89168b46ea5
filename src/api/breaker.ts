/**
 * Whether the API can be reached, and the pace at which reads may try again while it cannot: a
 * circuit breaker shared by every read of the client, so an outage costs a few requests a minute
 * for the whole tab, not a retry storm per view.
 *
 * - `ok`: reads go out as they come.
 * - `unreachable` (a read failed with no answer, a timeout, a gateway, or a 5xx/429/503): one read
 *   at a time goes out as a probe, at exponentially growing intervals (1 s, 2 s, 4 s … capped at
 *   30 s, plus up to a quarter of jitter, never sooner than a `Retry-After`); the others wait. The
 *   first read that gets an answer closes the breaker and lets every waiting read go.
 * - `offline` (the browser says so): nothing goes out until it is back online, then at once.
 *
 * Writes (actions) never wait here: they go out when the person asks, and their outcome counts.
 */
import type { ApiError } from './errors';

export type ConnectionState =
  | { readonly status: 'ok' }
  | {
      readonly status: 'unreachable';
      /** Wall-clock ms of the first failure of this outage. */
      readonly since: number;
      /** Failed probes so far (1 after the first failure). */
      readonly attempts: number;
      /** When the next probe may go out (wall-clock ms). */
      readonly nextAttemptAt: number;
      readonly lastError: ApiError;
    }
  | { readonly status: 'offline'; readonly since: number };

export interface BreakerClock {
  readonly now: () => number;
  readonly random: () => number;
  readonly setTimer: (fn: () => void, ms: number) => () => void;
}

export const BACKOFF = { firstMs: 1_000, capMs: 30_000, jitter: 0.25 } as const;

/** The wait before probe number `attempt` (1-based): doubling, capped, with upward jitter. */
export function backoffMs(
  attempt: number,
  random: () => number,
  retryAfterMs: number | null = null,
) {
  const base = Math.min(BACKOFF.capMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(base * (1 + BACKOFF.jitter * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export const realClock: BreakerClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

interface Waiter {
  readonly wake: () => void;
}

export class Breaker {
  #state: ConnectionState = { status: 'ok' };
  #probing = false;
  readonly #waiting = new Set<Waiter>();
  readonly #listeners = new Set<() => void>();
  #cancelTimer: (() => void) | null = null;
  readonly #clock: BreakerClock;

  constructor(clock: BreakerClock = realClock) {
    this.#clock = clock;
  }

  getState = (): ConnectionState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /**
   * Resolves when a read may go out: at once while `ok`; while `unreachable`, when it is this
   * read's turn to probe or the breaker closed; while `offline`, once back online. Rejects with the
   * signal's reason if the caller gives up first.
   */
  admit(signal?: AbortSignal): Promise<void> {
    if (this.#mayGo()) {
      if (this.#state.status === 'unreachable') this.#probing = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        wake: () => {
          if (!this.#mayGo()) return;
          if (this.#state.status === 'unreachable') this.#probing = true;
          cleanup();
          resolve();
        },
      };
      const onAbort = () => {
        cleanup();
        reject(
          signal?.reason instanceof Error
            ? signal.reason
            : new DOMException('Aborted', 'AbortError'),
        );
      };
      const cleanup = () => {
        this.#waiting.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort);
      this.#waiting.add(waiter);
    });
  }

  /** An answer arrived from the API (any answer of its own, errors included). */
  succeeded(): void {
    this.#probing = false;
    if (this.#state.status === 'ok') return;
    if (this.#state.status === 'offline') return;
    this.#set({ status: 'ok' });
  }

  /** A read got no usable answer (network, timeout, gateway, 5xx, 429/503). */
  failed(error: ApiError): void {
    this.#probing = false;
    if (this.#state.status === 'offline') return;
    const now = this.#clock.now();
    const attempts = this.#state.status === 'unreachable' ? this.#state.attempts + 1 : 1;
    const since = this.#state.status === 'unreachable' ? this.#state.since : now;
    const wait = backoffMs(attempts, this.#clock.random, error.retryAfterMs);
    this.#set({
      status: 'unreachable',
      since,
      attempts,
      nextAttemptAt: now + wait,
      lastError: error,
    });
  }

  /** The request of a read that went out as a probe was cancelled: someone else may probe. */
  released(): void {
    this.#probing = false;
    this.#wakeAll();
  }

  /** "Retry now": the next read (or a waiting one) goes out at once. */
  retryNow(): void {
    if (this.#state.status !== 'unreachable') return;
    this.#set({ ...this.#state, nextAttemptAt: this.#clock.now() });
  }

  /** The browser went offline or came back. */
  setOnline(online: boolean): void {
    if (!online) {
      if (this.#state.status !== 'offline')
        this.#set({ status: 'offline', since: this.#clock.now() });
      return;
    }
    if (this.#state.status === 'offline') this.#set({ status: 'ok' });
  }

  #mayGo(): boolean {
    switch (this.#state.status) {
      case 'ok':
        return true;
      case 'offline':
        return false;
      case 'unreachable':
        return !this.#probing && this.#clock.now() >= this.#state.nextAttemptAt;
    }
  }

  #set(state: ConnectionState): void {
    this.#state = state;
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    if (state.status === 'unreachable') {
      const wait = Math.max(0, state.nextAttemptAt - this.#clock.now());
      this.#cancelTimer = this.#clock.setTimer(() => this.#wakeAll(), wait);
    }
    for (const listener of this.#listeners) listener();
    this.#wakeAll();
  }

  #wakeAll(): void {
    for (const waiter of [...this.#waiting]) waiter.wake();
  }
}

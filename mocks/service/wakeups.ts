/**
 * Who wants to hear that the simulator may have moved without a request reconciling it (live
 * streams): the clock it follows was changed by hand, a command ran, the store was reset.
 * Listeners are called synchronously, in the middle of that change: they should only schedule
 * their work.
 */
import type { VirtualClock } from '../engine/clock';

export class Wakeups {
  private readonly listeners = new Set<() => void>();
  private unhook: () => void = () => undefined;

  /** Hears this clock's changes from now on (and no longer the previous clock's). */
  follow(clock: VirtualClock): void {
    this.unhook();
    this.unhook = clock.onChange(() => this.notify());
  }

  /** Answers the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many are subscribed (open streams). */
  get size(): number {
    return this.listeners.size;
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The simulator's virtual clock. Virtual time = anchor + (real time since anchoring) × speed,
 * unless paused. A manual clock has no real time source: it only moves when advanced, which is
 * what tests use. Listeners hear of every move by hand and every change of speed or pause (live
 * streams wake on them); the flow of real time itself is not an event.
 */
export interface ClockState {
  /** Virtual epoch ms at the anchor. */
  readonly virtualAnchor: number;
  /** Real epoch ms at the anchor. */
  readonly realAnchor: number;
  readonly speed: number;
  readonly paused: boolean;
}

export class VirtualClock {
  private state: ClockState;
  private readonly realNow: () => number;
  private readonly listeners = new Set<() => void>();

  constructor(
    start: number,
    options: { realNow?: () => number; speed?: number; paused?: boolean } = {},
  ) {
    this.realNow = options.realNow ?? (() => 0);
    this.state = {
      virtualAnchor: start,
      realAnchor: this.realNow(),
      speed: options.speed ?? 1,
      paused: options.paused ?? false,
    };
  }

  /** A clock that only moves when advanced by hand. */
  static manual(start: number): VirtualClock {
    return new VirtualClock(start);
  }

  /** A clock that follows real time (scaled by speed) until paused. */
  static real(start: number, state?: ClockState): VirtualClock {
    const clock = new VirtualClock(start, { realNow: () => Date.now() });
    if (state) clock.state = state;
    return clock;
  }

  now(): number {
    const { virtualAnchor, realAnchor, speed, paused } = this.state;
    if (paused) return virtualAnchor;
    return Math.floor(virtualAnchor + (this.realNow() - realAnchor) * speed);
  }

  get speed(): number {
    return this.state.speed;
  }

  get paused(): boolean {
    return this.state.paused;
  }

  advance(ms: number): void {
    this.reanchor({ virtualAnchor: this.now() + Math.max(0, ms) });
  }

  /** Moves the clock to an absolute time; never backwards. */
  set(time: number): void {
    this.reanchor({ virtualAnchor: Math.max(this.now(), time) });
  }

  setPaused(paused: boolean): void {
    this.reanchor({ paused });
  }

  setSpeed(speed: number): void {
    this.reanchor({ speed });
  }

  snapshot(): ClockState {
    return this.state;
  }

  /** Calls `listener` after each change; answers the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reanchor(change: Partial<ClockState>): void {
    this.state = {
      ...this.state,
      virtualAnchor: this.now(),
      realAnchor: this.realNow(),
      ...change,
    };
    for (const listener of [...this.listeners]) listener();
  }
}

import type { Simulator } from '../simulator';
import type { Sleep } from './faults';
import type { StreamTiming } from './sse';

/** What every group of handlers is given: where it answers, the simulator, and a change hook. */
export interface HandlerContext {
  /** The base of every path, e.g. `/api` or `*\/api`. */
  readonly base: string;
  readonly sim: () => Simulator;
  /** Called after anything that changes the store or the clock (persistence). */
  readonly onChange: () => void;
  /** How a slow fault waits (real timers unless a test injects another). */
  readonly sleep?: Sleep;
  /** How often live streams tick and ping (tests shorten them). */
  readonly streams?: StreamTiming;
}

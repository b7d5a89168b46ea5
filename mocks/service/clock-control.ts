/** The simulator's clock over the __sim control surface (SPEC §6). */
import type { SimClockBody, SimClockWire } from '../../src/api/contract';
import type { VirtualClock } from '../engine/clock';
import { iso } from './wire';

export function controlClock(clock: VirtualClock, body: SimClockBody): void {
  if (body.advance_ms !== undefined) clock.advance(body.advance_ms);
  if (body.paused !== undefined) clock.setPaused(body.paused);
  if (body.speed !== undefined) clock.setSpeed(body.speed);
}

export function clockState(clock: VirtualClock): SimClockWire {
  return { now: iso(clock.now()), paused: clock.paused, speed: clock.speed };
}

/**
 * The change feed (change-feed.ts) as the manual clock moves and commands run: an event per Run
 * whose list shape changed, `deleted`, `reset`; ids that increase; each Run once when catching up;
 * and `reset` for a cursor the feed no longer holds.
 */
import { expect, test } from 'vitest';
import type { RunWire } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import { Simulator, TEST_EPOCH } from '../simulator';
import type { FeedEvent } from './change-feed';

function setup(feedCapacity?: number) {
  const sim = new Simulator({
    scenario: 'default',
    clock: VirtualClock.manual(TEST_EPOCH),
    ...(feedCapacity ? { feedCapacity } : {}),
  });
  const all = () => true;
  /** What a reader at `cursor` gets now (after a reconcile, as every stream read does). */
  const since = (cursor: number) => {
    sim.reconcile();
    const answer = sim.feed.since(cursor, all);
    if (answer.reset) throw new Error(`reset at ${cursor}`);
    return answer.events;
  };
  const runs = (events: readonly FeedEvent[]) =>
    events.flatMap((e) => (e.kind === 'run' ? [JSON.parse(e.data) as RunWire] : []));
  return { sim, since, runs };
}

test('a reset starts the feed with one `reset` event and nothing else', () => {
  const { sim, since } = setup();
  expect(sim.feed.since(0, () => true)).toEqual({
    reset: false,
    events: [{ id: 1, kind: 'reset' }],
  });
  expect(since(sim.feed.lastId)).toEqual([]);
});

test('as the clock moves, each Run whose list shape changed gives one event, with that shape', () => {
  const { sim, since, runs } = setup();
  const start = sim.feed.lastId;
  sim.clock.advance(30_000);
  const events = since(start);
  expect(events.map((e) => e.id)).toEqual(events.map((_, i) => start + 1 + i));
  const changed = runs(events);
  expect(changed.length).toBeGreaterThan(0);
  expect(new Set(changed.map((r) => r.id)).size).toBe(changed.length);
  for (const wire of changed) {
    expect(wire).toEqual(sim.toWire(sim.runs.get(wire.id) as never, false));
    expect(['queued', 'running']).toContain(wire.result);
  }
  // Nothing moves without the clock.
  expect(since(sim.feed.lastId)).toEqual([]);
});

test('a launch, an abort and a delete are events; a terminal Run is not told again', () => {
  const { sim, since, runs } = setup();
  let cursor = sim.feed.lastId;
  const launched = sim.launch({ type: 'scan', datastore_id: 2 }).body as RunWire;
  const created = since(cursor);
  expect(runs(created).map((r) => [r.id, r.result])).toEqual([[launched.id, 'queued']]);
  cursor = sim.feed.lastId;
  sim.abort(launched.id);
  expect(runs(since(cursor)).map((r) => [r.id, r.result])).toEqual([[launched.id, 'aborted']]);
  cursor = sim.feed.lastId;
  sim.clock.advance(1_000);
  expect(runs(since(cursor)).map((r) => r.id)).not.toContain(launched.id);
  cursor = sim.feed.lastId;
  sim.delete(launched.id);
  expect(since(cursor)).toMatchObject([
    { kind: 'deleted', runId: launched.id, data: JSON.stringify({ id: launched.id }) },
  ]);
});

test('a relaunch tells the new Run and its parent (whose children changed)', () => {
  const { sim, since, runs } = setup();
  sim.clock.advance(86_400_000);
  sim.reconcile();
  const parent = [...sim.runs.values()].find((r) => r.type === 'scan' && r.state === 'success');
  expect(parent).toBeDefined();
  const cursor = sim.feed.lastId;
  const child = sim.rerun(parent?.id ?? 0).body as RunWire;
  const told = runs(since(cursor));
  expect(told.map((r) => r.id).sort()).toEqual([parent?.id, child.id].sort());
  expect(told.find((r) => r.id === parent?.id)?.children).toEqual([
    { id: child.id, relaunch: 'rerun' },
  ]);
});

test('catching up gives each Run once, as it is now; ids only increase', () => {
  const { sim, since, runs } = setup();
  const start = sim.feed.lastId;
  for (let i = 0; i < 10; i++) {
    sim.clock.advance(20_000);
    sim.reconcile();
  }
  const events = since(start);
  expect(events.length).toBeLessThan(sim.feed.lastId - start);
  const told = runs(events);
  expect(new Set(told.map((r) => r.id)).size).toBe(told.length);
  for (const wire of told) expect(wire).toEqual(sim.toWire(sim.runs.get(wire.id) as never, false));
  const ids = events.map((e) => e.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
});

test('what a reader may not see is left out', () => {
  const { sim } = setup();
  const cursor = sim.feed.lastId;
  sim.clock.advance(60_000);
  sim.reconcile();
  const seen = sim.feed.since(cursor, (datastoreId) => datastoreId !== 1);
  expect(seen.reset).toBe(false);
  if (!seen.reset) {
    expect(seen.events.length).toBeGreaterThan(0);
    expect(seen.events.every((e) => e.kind === 'reset' || e.datastoreId !== 1)).toBe(true);
  }
});

test('a cursor older than the feed keeps, from before a reset, or from the future: reset', () => {
  const { sim } = setup(5);
  const old = sim.feed.lastId;
  for (let i = 0; i < 20; i++) {
    sim.launch({ type: 'promote', datastore_id: 1 });
    sim.reconcile();
  }
  expect(sim.feed.since(old, () => true)).toEqual({ reset: true });
  expect(sim.feed.since(sim.feed.lastId - 4, () => true).reset).toBe(false);
  expect(sim.feed.since(sim.feed.lastId + 1, () => true)).toEqual({ reset: true });
  const beforeReset = sim.feed.lastId;
  sim.reset('default', 42);
  // The reset is the event after it: a reader right there hears it; older ones are reset too.
  expect(sim.feed.since(beforeReset, () => true)).toEqual({
    reset: false,
    events: [{ id: beforeReset + 1, kind: 'reset' }],
  });
  expect(sim.feed.since(beforeReset - 1, () => true)).toEqual({ reset: true });
});

/**
 * Idempotent relaunch over HTTP (docs/api.md): `PUT /operations/resume|rerun/{id}` with an
 * `Idempotency-Key` header, through msw/node and fetch.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_WINDOW_MS } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import { createTestBackend } from '../node';
import { Simulator, TEST_EPOCH } from '../simulator';

const BASE = 'http://sim.test/api';
const { sim, server } = createTestBackend();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sim.clock = VirtualClock.manual(TEST_EPOCH);
  sim.reset('default', 42);
});
afterAll(() => server.close());

/** A Run of the default scenario that Resume and Rerun accept. */
function relaunchable(): number {
  const probe = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
  const id = [...probe.runs.keys()].find(
    (r) => probe.resume(r).status === 201 && probe.rerun(r).status === 201,
  );
  if (id === undefined) throw new Error('no Run to relaunch in the default scenario');
  return id;
}

async function relaunch(action: 'resume' | 'rerun', id: number, key?: string) {
  const response = await fetch(`${BASE}/operations/${action}/${id}`, {
    method: 'PUT',
    headers: key === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: key },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

test('a repeat with the same key answers 201 with the Run the first request created', async () => {
  const parent = relaunchable();
  const size = sim.runs.size;
  const first = await relaunch('resume', parent, 'b1946ac9-2f5e-4f38-9d0b-3e0f1a1d6c11');
  expect(first.status).toBe(201);
  sim.clock.advance(10 * 60_000);
  const again = await relaunch('resume', parent, 'b1946ac9-2f5e-4f38-9d0b-3e0f1a1d6c11');
  expect(again.status).toBe(201);
  expect(again.json.id).toBe(first.json.id);
  const read = await fetch(`${BASE}/operations/${String(first.json.id)}`);
  expect(again.json).toEqual(await read.json());
  expect(sim.runs.size).toBe(size + 1);
  // The key travels in the journal.
  expect(sim.journal.at(-1)).toMatchObject({
    op: 'resume',
    id: parent,
    key: 'b1946ac9-2f5e-4f38-9d0b-3e0f1a1d6c11',
  });
});

test('without a key every request creates a Run', async () => {
  const parent = relaunchable();
  const size = sim.runs.size;
  const a = await relaunch('rerun', parent);
  const b = await relaunch('rerun', parent);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(a.json.id).not.toBe(b.json.id);
  expect(sim.runs.size).toBe(size + 2);
});

test('the same key for another action answers 409 with a detail, and creates nothing', async () => {
  const parent = relaunchable();
  expect((await relaunch('rerun', parent, 'click-1')).status).toBe(201);
  const size = sim.runs.size;
  const refused = await relaunch('resume', parent, 'click-1');
  expect(refused).toEqual({
    status: 409,
    json: {
      detail: `This Idempotency-Key was already used to rerun Run #${parent}; make a new key for each action (it was sent to resume Run #${parent})`,
    },
  });
  expect(sim.runs.size).toBe(size);
});

test('after 24 hours of virtual time the key creates a new Run', async () => {
  const parent = relaunchable();
  const first = await relaunch('rerun', parent, 'click-2');
  sim.clock.advance(IDEMPOTENCY_WINDOW_MS + 1);
  const later = await relaunch('rerun', parent, 'click-2');
  expect(later.status).toBe(201);
  expect(later.json.id).not.toBe(first.json.id);
});

test('a malformed key answers 400 and nothing is journaled', async () => {
  const parent = relaunchable();
  const journal = sim.journal.length;
  for (const key of ['x'.repeat(256), 'two words']) {
    expect(await relaunch('resume', parent, key)).toEqual({
      status: 400,
      json: { detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID)' },
    });
  }
  expect(sim.journal).toHaveLength(journal);
});

test('a replay of the journal answers a repeated key with the same Run', async () => {
  const parent = relaunchable();
  const first = await relaunch('resume', parent, 'click-3');
  const replayed = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
  replayed.replay(sim.journal);
  const again = replayed.resume(parent, 'click-3');
  expect(again.status).toBe(201);
  expect((again.body as { id: number }).id).toBe(first.json.id);
});

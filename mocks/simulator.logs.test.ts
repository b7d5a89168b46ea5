/**
 * Example-based tests of the simulated backend (SPEC §2, §6), used directly with a hand-driven
 * clock: the logs of a Run, and the big scenarios (busy, huge-log). The helpers are in
 * sim-setup.ts.
 */

import { expect, test } from 'vitest';
import type { LogPageWire } from '../src/api/contract';
import { LOG_PAGE_LIMIT } from '../src/api/contract';
import type { SimRun } from './engine/run-model';
import { DAY, HOUR, MINUTE, body, get, recent, setup } from './sim-setup';

// ---------------------------------------------------------------------------------------------
// Logs

test('logs page with `after`; run-level and container-level logs are separate', () => {
  const { sim, advance } = setup();
  const scan = recent(sim, 'scan');
  const first = body(sim.getLogs(scan.id, 0, null));
  expect(first.entries.length).toBeGreaterThan(3);
  expect(first.complete).toBe(false);
  expect(first.entries.every((e) => e.container_id === null)).toBe(true);
  expect(first.next_after).toBe(sim.runs.get(scan.id)?.lastSeq);
  // Caught up: nothing new until the clock moves.
  expect(body(sim.getLogs(scan.id, first.next_after, null)).entries).toEqual([]);
  advance(3 * MINUTE);
  const more = body(sim.getLogs(scan.id, first.next_after, null));
  expect(more.entries.length).toBeGreaterThan(0);
  expect(more.entries[0]?.seq).toBeGreaterThan(first.next_after);

  // A container's own log: its query, then its partitions.
  const container = scan.containers[0]?.id as number;
  const own = body(sim.getLogs(scan.id, 0, container));
  expect(own.entries[0]?.message).toMatch(/^Query: SELECT \* FROM "orders"/);
  expect(own.entries.every((e) => e.container_id === container)).toBe(true);
  expect(own.entries.at(-1)?.message).toMatch(/^Finished orders: [\d,]+ records$/);

  // Once terminal and caught up, the answer says the log is complete.
  advance(DAY);
  let after = 0;
  let page: LogPageWire;
  do {
    page = body(sim.getLogs(scan.id, after, null));
    after = page.next_after;
  } while (page.entries.length === LOG_PAGE_LIMIT);
  expect(page.complete).toBe(true);
  const lines = sim.logOf(scan).filter((e) => e.containerId === null);
  expect(body(sim.getLogs(scan.id, after, null))).toEqual({
    entries: [],
    next_after: after,
    complete: true,
    // The extensions: the lines the log holds, and the cursor of the lines before the page.
    total: lines.length,
    prev_before: (lines.at(-1)?.seq ?? 0) + 1,
  });
});

test('a failed Run has its cause in the log; a Success with warnings says so', () => {
  const { sim, advance } = setup();
  advance(DAY);
  const failed = recent(sim, 'external_scan');
  expect(failed.state).toBe('failure');
  expect(failed.message).toMatch(/^Unrecoverable error/);
  const log = sim.logOf(failed);
  expect(log.at(-1)).toMatchObject({ level: 'error', message: `Run failed: ${failed.message}` });

  const sync = get(sim, recent(sim, 'catalog').id);
  expect(sync).toMatchObject({ result: 'success', has_logs: true });
  expect(sync.message).toMatch(/^Completed with \d+ warnings? in the logs$/);
  const clean = get(sim, recent(sim, 'export').id);
  expect(clean).toMatchObject({ result: 'success', has_logs: false, message: null });
});

test('a container can fail inside a successful Scan', () => {
  const { sim, advance } = setup();
  advance(DAY);
  const scan = get(sim, recent(sim, 'scan').id);
  expect(scan.result).toBe('success');
  expect(scan.has_logs).toBe(true);
  const failed = (scan.container_scans ?? []).filter((c) => c.result === 'failure');
  expect(failed).toHaveLength(1);
  expect(failed[0]?.message).toBeTruthy();
  expect(scan.completed_container_ids).toHaveLength(13);
  // Resume is not offered on a Success, even with a failed container.
  expect(sim.resume(scan.id).status).toBe(409);
});

// ---------------------------------------------------------------------------------------------
// The big scenarios

test('busy has 10,000 Runs', () => {
  const { sim } = setup('busy');
  expect(sim.runs.size).toBe(10_000);
  const page = body(sim.listRuns({ page: 200, size: 50 }));
  expect(page).toMatchObject({ total: 10_000, pages: 200, page: 200 });
  expect(page.items).toHaveLength(50);
});

test('huge-log has one Run with over 100,000 run-level lines, paged 1,000 at a time', () => {
  const { sim, advance } = setup('huge-log');
  const [run] = [...sim.runs.values()];
  expect(sim.runs.size).toBe(1);
  const id = (run as SimRun).id;
  const runLevel = sim.logOf(run as SimRun).filter((e) => e.containerId === null);
  expect(runLevel.length).toBeGreaterThanOrEqual(100_000);

  const pageAll = (from: number) => {
    const seqs: number[] = [];
    let after = from;
    let pages = 0;
    let last: LogPageWire;
    for (;;) {
      last = body(sim.getLogs(id, after, null));
      pages++;
      expect(last.entries.length).toBeLessThanOrEqual(LOG_PAGE_LIMIT);
      for (const e of last.entries) seqs.push(e.seq);
      after = last.next_after;
      if (last.entries.length < LOG_PAGE_LIMIT) break;
      expect(last.complete).toBe(false);
    }
    return { seqs, pages, after, last };
  };

  const all = pageAll(0);
  expect(all.pages).toBe(Math.floor(runLevel.length / LOG_PAGE_LIMIT) + 1);
  expect(all.seqs).toEqual(runLevel.map((e) => e.seq));
  expect(all.last.complete).toBe(false); // still running

  // It keeps streaming; the cursor picks up exactly the new lines, then the end.
  advance(4 * HOUR);
  expect(get(sim, id).result).toBe('success');
  const rest = pageAll(all.after);
  const now = sim.logOf(sim.runs.get(id) as SimRun).filter((e) => e.containerId === null);
  expect([...all.seqs, ...rest.seqs]).toEqual(now.map((e) => e.seq));
  expect(rest.last.complete).toBe(true);
}, 30_000); // Reset replays 28 hours of steps: seconds on a busy machine.

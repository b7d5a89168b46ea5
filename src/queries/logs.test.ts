import { expect, test } from 'vitest';
import type { LogPageQuery } from '../api/client';
import { LogLoader } from './log-loader';
import { ALL_FEATURES, ModelLogServer, SPEC3_ONLY } from './log-test-server';

/** Lets every answer on its way arrive (the model server answers at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(server: ModelLogServer) {
  const asked: LogPageQuery[] = [];
  const loader = new LogLoader((query) => {
    asked.push(query);
    return server.page(query);
  });
  return { loader, asked };
}

test('opens at the tail: the newest lines and the size of the whole log, in one request', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 100_000);
  const { loader, asked } = setup(server);
  await loader.refresh();
  expect(asked).toEqual([{ tail: 1000 }]);
  expect(loader.store.total).toBe(100_000);
  expect(loader.store.held).toBe(1000);
  expect(loader.store.entryAt(100_000)?.message).toBe('line 100000 of the log');
  expect(loader.store.has(99_000)).toBe(false);
});

test('fills the rest in the background with a few parallel pages of 10,000, the lines on screen first', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 100_000);
  const { loader, asked } = setup(server);
  await loader.refresh();
  loader.want({ start: 500, end: 540 });
  const detach = loader.attach();
  for (let i = 0; i < 40 && !loader.store.whole; i++) await settle();
  detach();
  expect(loader.store.whole).toBe(true);
  // The reader's lines come first, in a small page; the rest in pages of 10,000.
  expect(asked[1]).toEqual({ line: 500, limit: 1_000 });
  expect(asked.slice(2).every((q) => 'line' in q && q.limit === 10_000)).toBe(true);
  expect(asked.length).toBeLessThanOrEqual(15);
  expect(loader.store.counts.error).toBe(2_000);
});

test('new lines come from after the newest held; a log that completes stops there', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 10);
  const { loader, asked } = setup(server);
  await loader.refresh();
  server.append(5);
  server.complete = true;
  await loader.refresh();
  expect(asked.at(-1)).toEqual({ after: server.log[9]?.seq });
  expect(loader.store.total).toBe(15);
  expect(loader.store.complete).toBe(true);
});

test('a SPEC §3 server (no line, total, tail): reads forward, numbering lines by position', async () => {
  const server = new ModelLogServer(SPEC3_ONLY, 2_500);
  const { loader, asked } = setup(server);
  await loader.refresh();
  expect(loader.store.numbering).toBe('position');
  expect(loader.store.total).toBe(2_500);
  expect(asked.map((q) => ('after' in q ? q.after : 'tail'))).toEqual([
    'tail',
    server.log[999]?.seq,
    server.log[1999]?.seq,
  ]);
  expect(loader.store.entryAt(2_500)?.message).toBe('line 2500 of the log');
});

test('a log that shrank on the server is read again from its tail, without a duplicated line', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 3_000);
  const { loader } = setup(server);
  await loader.refresh();
  server.log.splice(1_000); // the server lost lines (a restarted worker)
  server.append(10);
  await loader.refresh();
  for (let i = 0; i < 10; i++) await settle();
  expect(loader.rereads).toBe(1);
  expect(loader.store.total).toBe(1_010);
  expect(loader.store.entryAt(1_010)?.seq).toBe(server.log.at(-1)?.seq);
});

test('stream entries already held (a replayed Last-Event-ID) are taken once', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 50);
  const { loader } = setup(server);
  await loader.refresh();
  server.append(3);
  loader.takeLive(server.after(0).slice(40)); // from further back than held
  loader.takeLive(server.after(0).slice(45));
  expect(loader.store.total).toBe(53);
  expect(loader.store.held).toBe(53);
  expect(loader.liveAfter).toBe(server.log.at(-1)?.seq);
});

test('lines pushed while a background page is on its way: its older total is not a shrink', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 20_000);
  const held: (() => void)[] = [];
  const loader = new LogLoader((query) => {
    const answer = server.page(query); // the server answers now, with today's total
    if (!('line' in query)) return answer;
    return new Promise((resolve) => held.push(() => resolve(answer)));
  });
  await loader.refresh();
  const detach = loader.attach();
  expect(held.length).toBeGreaterThan(0);
  server.append(5);
  loader.takeLive(server.after(loader.liveAfter)); // the stream is faster than the page
  for (const answer of held.splice(0)) answer();
  for (let i = 0; i < 40 && !loader.store.whole; i++) {
    await settle();
    for (const answer of held.splice(0)) answer();
  }
  detach();
  expect(loader.rereads).toBe(0);
  expect(loader.store.whole).toBe(true);
  expect(loader.store.total).toBe(20_005);
});

import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { LogPageQuery } from '../api/client';
import { LogLoader } from './log-loader';
import type { ModelFeatures } from './log-test-server';
import { ALL_FEATURES, ModelLogServer, SPEC3_ONLY } from './log-test-server';

type Step =
  | { readonly kind: 'append'; readonly count: number }
  | { readonly kind: 'poll' }
  | { readonly kind: 'want'; readonly at: number }
  | { readonly kind: 'push'; readonly back: number }
  | { readonly kind: 'reconnect'; readonly back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 1_500 }) }),
  fc.record({ kind: fc.constant('poll' as const) }),
  fc.record({ kind: fc.constant('want' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('push' as const), back: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('reconnect' as const), back: fc.integer({ min: 0, max: 40 }) }),
);

const features: fc.Arbitrary<ModelFeatures> = fc.oneof(
  fc.constant(ALL_FEATURES),
  fc.constant(SPEC3_ONLY),
  fc.record({
    lines: fc.constant(true),
    total: fc.boolean(),
    tail: fc.boolean(),
    before: fc.boolean(),
    linePaging: fc.boolean(),
    limit: fc.boolean(),
  }),
);

/** The held log, line by line, as the server's (`line` as the server numbers it). */
function held(loader: LogLoader) {
  const out = [];
  for (let line = 1; line <= loader.store.total; line++) out.push(loader.store.entryAt(line));
  return out;
}

test('for any interleaving of appends, tail/before/line pages, polls and stream reconnects, the held log is the server’s, in order, once', async () => {
  await fc.assert(
    fc.asyncProperty(
      features,
      fc.integer({ min: 0, max: 12_000 }),
      fc.array(step, { maxLength: 25 }),
      fc.scheduler(),
      async (f, initial, steps, s) => {
        const server = new ModelLogServer(f, initial);
        const fetchPage = s.scheduleFunction((q: LogPageQuery) => server.page(q));
        const loader = new LogLoader(fetchPage);
        const detach = loader.attach();
        const opened = loader.refresh();
        let streamAfter: number | null = null;
        for (const st of steps) {
          switch (st.kind) {
            case 'append':
              server.append(st.count);
              break;
            case 'poll':
              void loader.refresh().catch(() => undefined);
              break;
            case 'want': {
              const line = Math.max(1, Math.floor(st.at * loader.store.total));
              loader.want({ start: line, end: line + 40 });
              break;
            }
            case 'push':
            case 'reconnect': {
              if (!loader.store.loaded) break;
              if (st.kind === 'reconnect' || streamAfter === null) {
                // A resume from what the loader holds, or from further back (an older id).
                streamAfter = Math.max(0, loader.liveAfter - st.back);
              }
              const sent = server.after(streamAfter).slice(0, 50);
              // Only a numbered server streams (SPEC §3.1); entries carry their line.
              if (f.lines && f.total) loader.takeLive(sent);
              streamAfter = sent.at(-1)?.seq ?? streamAfter;
              break;
            }
          }
          if (s.count() > 0) await s.waitOne();
        }
        await s.waitFor(opened);
        server.complete = true;
        // Drain: answer everything, poll until caught up and whole.
        for (let round = 0; round < 400; round++) {
          const done = loader.refresh();
          await s.waitFor(done);
          await s.waitAll();
          if (loader.store.complete && loader.store.whole && !s.count()) break;
        }
        detach();
        expect(loader.store.complete).toBe(true);
        expect(held(loader)).toEqual(server.log);
        expect(loader.store.held).toBe(server.log.length);
      },
    ),
    { numRuns: Number(process.env.RUNS ?? 40) },
  );
}, 120_000);

/**
 * Never a second Run: for random points where a Resume's answer is lost (before the server, after
 * it acted, mid-answer) and servers that honour Idempotency-Key or not, list a Run's children or
 * its parent or neither, a click and its retries make exactly one Run — or, where the server shows
 * no link from a Run to its parent and ignores the key, say it cannot know, never a second Run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../api/client';
import { setNowSource } from '../lib/now';
import { createTestBackend } from '../../mocks/node';
import { RelaunchUnknownError, relaunch, relaunchClick } from './relaunch';

const backend = createTestBackend();
const BASE = 'http://api.test/api';
beforeAll(() => {
  backend.server.listen({ onUnhandledRequest: 'error' });
  setNowSource(() => backend.sim.clock.now());
});
afterAll(() => backend.server.close());

type Loss = 'none' | 'before' | 'after' | 'mid';

interface Server {
  readonly honoursKey: boolean;
  readonly showsChildren: boolean;
  readonly showsParent: boolean;
}

/** Drops what a server would not send from a JSON answer (its Runs' children and parents). */
function strip(value: unknown, server: Server): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, server));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'children' && !server.showsChildren) continue;
    if (k === 'parent_id' && !server.showsParent) continue;
    copy[k] = strip(v, server);
  }
  return copy;
}

/** A fetch in front of the simulator that loses the first relaunch's answer at `loss`. */
function lossyFetch(server: Server, losses: Loss[]): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers);
    if (!server.honoursKey) headers.delete('Idempotency-Key');
    const relaunching = /\/operations\/(resume|rerun)\//.test(url);
    const loss = relaunching ? (losses.shift() ?? 'none') : 'none';
    if (loss === 'before') throw new TypeError('Failed to fetch');
    const answer = await fetch(input, { ...init, headers });
    if (loss === 'after') throw new TypeError('Failed to fetch');
    const text = await answer.text();
    if (loss === 'mid') {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, 20)));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const json = answer.headers.get('content-type')?.includes('json');
    const sent = json && text ? JSON.stringify(strip(JSON.parse(text), server)) : text;
    return new Response(answer.status === 204 ? null : sent, {
      status: answer.status,
      headers: answer.headers,
    });
  };
}

const lossArb = fc.constantFrom<Loss>('none', 'before', 'after', 'mid');

test('a click and its retries make exactly one Run, or say they cannot know — never two', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(lossArb, { minLength: 1, maxLength: 3 }),
      fc.record({
        honoursKey: fc.boolean(),
        showsChildren: fc.boolean(),
        showsParent: fc.boolean(),
      }),
      async (losses, server) => {
        backend.sim.reset('default', 42);
        const sim = backend.sim;
        const parentSim = [...sim.runs.values()].find(
          (r) =>
            r.type === 'scan' && r.state === 'failure' && r.completed.length < r.containers.length,
        );
        if (!parentSim) throw new Error('no resumable Scan');
        const children = () => [...sim.runs.values()].filter((r) => r.parentId === parentSim.id);
        const before = children().length;
        const client = createApiClient({ baseUrl: BASE, fetch: lossyFetch(server, [...losses]) });
        const parent = await client.getRun(parentSim.id);
        const click = relaunchClick(parent);

        let created: number | null = null;
        let unknown = false;
        for (let attempt = 0; attempt <= losses.length && created === null && !unknown; attempt++) {
          try {
            created = (await relaunch(client, 'resume', parent, click, { retry: attempt > 0 })).id;
          } catch (error) {
            if (error instanceof RelaunchUnknownError) unknown = true;
          }
        }
        const made = children().length - before;
        expect(made).toBeLessThanOrEqual(1);
        if (unknown) {
          // Only where nothing links a Run to its parent and the key is ignored.
          expect(server.showsChildren || server.showsParent).toBe(false);
        } else {
          expect(made).toBe(1);
          expect(created).toBe(children().at(-1)?.id);
        }
      },
    ),
    { numRuns: 60 },
  );
}, 120_000);

/** The simulator's side of a log, for log tests: what it holds, and what was asked of it. */
import type { LogPageWire } from '../src/api/contract';
import { onTestFinished } from 'vitest';
import { backend, sim } from './backend';

/** The Run-level log as the simulator holds it. */
export function serverLog(runId: number) {
  const entries: LogPageWire['entries'] = [];
  let after = 0;
  for (;;) {
    const answer = sim.getLogs(runId, after, null);
    if (answer.status !== 200) throw new Error(`no log for #${runId}`);
    entries.push(...answer.body.entries);
    after = answer.body.next_after;
    if (answer.body.entries.length < 1000) return entries;
  }
}

/** Records every log request of a Run: the `after` asked and the seqs answered. */
export function recordLogRequests(runId: number) {
  const asked: number[] = [];
  const received: number[] = [];
  const listener = async ({ request, response }: { request: Request; response: Response }) => {
    const url = new URL(request.url);
    if (url.pathname !== `/api/operations/${runId}/logs`) return;
    asked.push(Number(url.searchParams.get('after')));
    const body = (await response.clone().json()) as LogPageWire;
    received.push(...body.entries.map((entry) => entry.seq));
  };
  backend.server.events.on('response:mocked', listener);
  onTestFinished(() => backend.server.events.removeListener('response:mocked', listener));
  return { asked, received };
}

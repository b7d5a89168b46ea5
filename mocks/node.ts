/** The simulated backend under Node (tests): the same handlers, a hand-driven clock. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers/all';
import type { StreamTiming } from './handlers/sse';
import { Simulator } from './simulator';
import type { SimulatorOptions } from './simulator';

export function createTestBackend(
  options: SimulatorOptions & { readonly streams?: StreamTiming } = {},
) {
  const sim = new Simulator(options);
  const server = setupServer(
    ...createHandlers({
      base: '*/api',
      sim: () => sim,
      onChange: () => undefined,
      ...(options.streams ? { streams: options.streams } : {}),
    }),
  );
  return { sim, server };
}

import type { HandlerContext } from './handlers/operations';
import { operationHandlers } from './handlers/operations';
import { controlHandlers, platformHandlers } from './handlers/platform';

/** Every handler of the simulated backend, for the browser worker and for Node tests alike. */
export function createHandlers(context: HandlerContext) {
  return [...controlHandlers(context), ...platformHandlers(context), ...operationHandlers(context)];
}

export type { HandlerContext };

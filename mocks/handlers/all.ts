import type { HandlerContext } from './context';
import { operationHandlers } from './operations';
import { controlHandlers, platformHandlers } from './platform';
import { streamHandlers } from './streams';

/** Every handler of the simulated backend, for the browser worker and for Node tests alike. */
export function createHandlers(context: HandlerContext) {
  return [
    ...controlHandlers(context),
    ...platformHandlers(context),
    // Before the operations: `/operations/stream` is not `/operations/{id}`.
    ...streamHandlers(context),
    ...operationHandlers(context),
  ];
}

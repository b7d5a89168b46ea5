import type { HandlerContext } from './context';
import { faultHandlers } from './faults';
import { operationHandlers } from './operations';
import { controlHandlers, platformHandlers } from './platform';
import { streamHandlers } from './streams';

/**
 * Every handler of the simulated backend, for the browser worker and for Node alike: the
 * `/__sim/*` controls first, then the API behind the fault injection.
 */
export function createHandlers(context: HandlerContext) {
  return [
    ...controlHandlers(context),
    ...faultHandlers(context, [
      ...platformHandlers(context),
      // Before the operations: `/operations/stream` is not `/operations/{id}`.
      ...streamHandlers(context),
      ...operationHandlers(context),
    ]),
  ];
}

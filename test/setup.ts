import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { breaker } from '../src/api/instance';
import { backend, resetBackend } from './backend';
import { discardTestQueryClients } from './query-client';

// jsdom lacks these browser APIs; TanStack Router and the virtualizer call them.
window.scrollTo = () => undefined;
Element.prototype.scrollTo = function scrollTo() {};
Element.prototype.scrollIntoView = function scrollIntoView() {};
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub, writable: true });
}

// Whole-app journeys in jsdom share 2 cores with other test workers (and, on CI, with a build):
// give findBy*/waitFor room so a busy machine makes tests slower, never red.
configure({ asyncUtilTimeout: 5_000 });

beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  await discardTestQueryClients();
  // A test that left the API "unreachable" must not hold the next test's reads back.
  breaker.setOnline(true);
  breaker.succeeded();
  backend.server.resetHandlers();
  resetBackend();
  localStorage.clear();
});
afterAll(() => backend.server.close());

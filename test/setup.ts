import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { backend, resetBackend } from './backend';

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

beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  backend.server.resetHandlers();
  resetBackend();
  localStorage.clear();
});
afterAll(() => backend.server.close());

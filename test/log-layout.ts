/**
 * jsdom cannot lay out. For the virtualized log viewer, give its scrolling area (class
 * `log__scroller`) a size, derive its scroll height from the virtual list's sizer, and make
 * `scrollTo` move it (and fire `scroll`) like a browser. Everything else keeps jsdom's zeros.
 * Spies are restored after each test (vitest `restoreMocks`).
 */
import { vi } from 'vitest';

export const VIEWPORT_HEIGHT = 400;
let viewport = VIEWPORT_HEIGHT;

const isScroller = (el: Element): boolean => el.classList.contains('log__scroller');

function scrollHeightOf(el: Element): number {
  const sizer = el.firstElementChild;
  return sizer instanceof HTMLElement ? Number.parseFloat(sizer.style.height) || 0 : 0;
}

export function mockLogLayout(height = VIEWPORT_HEIGHT): void {
  viewport = height;
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? height : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? 800 : 0;
  });
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return isScroller(this) ? Math.max(scrollHeightOf(this), height) : 0;
  });
  // As in a browser: the position is clamped and changes at once, and `scroll` fires a moment
  // later (never inside React's commit), only when the position moved.
  const tops = new WeakMap<Element, number>();
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return tops.get(this) ?? 0;
  });
  vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (
    this: Element,
    value: number,
  ) {
    if (!isScroller(this)) {
      tops.set(this, value);
      return;
    }
    const max = Math.max(0, scrollHeightOf(this) - viewport);
    const top = Math.max(0, Math.min(value, max));
    if (top === (tops.get(this) ?? 0)) return;
    tops.set(this, top);
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  });
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (
    this: Element,
    ...args: [ScrollToOptions?] | [number, number]
  ) {
    const [first, second] = args;
    const top = typeof first === 'number' ? second : first?.top;
    if (top !== undefined) this.scrollTop = top;
  });
}

/** Scrolls a log's scrolling area to `top` as a reader would. */
export function scrollScroller(el: Element, top: number): void {
  el.scrollTop = top;
}

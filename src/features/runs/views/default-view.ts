/**
 * The default saved view, as the Activity route needs it when the app first enters Activity at
 * an address without settings (`/`): read straight from storage, with no check beyond its shape
 * (the route validates the address it redirects to like any other). Small on purpose: it is in
 * the entry chunk; saved-views.ts, on the Activity page, does the rest.
 */
export const VIEWS_KEY = 'runs-dashboard.views';

export interface OpenedView {
  readonly name: string;
  /** The view's address text. */
  readonly search: string;
  readonly density: string;
}

/** The app instances (by their query client) that have entered Activity once, and what opened. */
const entered = new WeakMap<object, OpenedView | null>();

function storedDefault(): OpenedView | null {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? 'null');
    if (typeof data !== 'object' || data === null || !('views' in data)) return null;
    const { views, defaultId } = data as { views: unknown; defaultId?: unknown };
    if (!Array.isArray(views) || typeof defaultId !== 'string') return null;
    const view = (views as unknown[]).find(
      (v) => typeof v === 'object' && v !== null && (v as { id?: unknown }).id === defaultId,
    );
    const { name, search, density } = (view ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof search !== 'string') return null;
    return { name, search, density: typeof density === 'string' ? density : 'compact' };
  } catch {
    // Damaged: the Activity page says so.
    return null;
  }
}

/**
 * The view to open now: the default view, on the app's first entry into Activity when the
 * address has no settings; else null. Later entries (Clear filters, the way back) are left alone.
 */
export function defaultViewToOpen(app: object, searchStr: string): OpenedView | null {
  if (entered.has(app)) return null;
  const view = searchStr === '' || searchStr === '?' ? storedDefault() : null;
  entered.set(app, view);
  return view;
}

/** The default view this app opened with, if it did (for "Opened your default view …"). */
export const openedDefaultView = (app: object): OpenedView | null => entered.get(app) ?? null;

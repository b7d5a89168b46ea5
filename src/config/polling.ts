/** How often live views refresh while something on screen is active (milliseconds). */
export const LIVE_REFRESH_MS = 3_000;
/** How often a streaming log asks for new lines. */
export const LOG_REFRESH_MS = 2_000;
/** Data younger than this is not refetched on mount or focus. */
export const STALE_MS = 2_000;

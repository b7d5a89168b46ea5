/** How often live views ask again (milliseconds); the rule that uses them is src/queries/live.ts. */
export const POLL = {
  /** A list or a Run while something it shows is Queued or Running. */
  live: 3_000,
  /** A log while it still grows. */
  log: 2_000,
} as const;

/** Data younger than this is not refetched on mount or focus. */
export const STALE_MS = 2_000;

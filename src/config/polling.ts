/** How often live views ask again (milliseconds); the rule that uses them is src/queries/live.ts. */
export const POLL = {
  /** A list or a Run while something it shows is Queued or Running (and no Run stream is live). */
  live: 3_000,
  /** A log while it still grows. */
  log: 2_000,
  /**
   * The slow, cheap check for new Runs (one Run of the list's first page, and the total) while a
   * Runs list is on screen with nothing active in it and no Run stream is live: at most two
   * requests a minute.
   */
  newRuns: 30_000,
  /**
   * A watched Run that is not on screen, and the Failures of a watched filter (issue 14), while no
   * Run stream is live: also in a background tab, where a notification matters most.
   */
  watch: 10_000,
} as const;

/** The Run-change stream (src/queries/run-stream.ts). */
export const STREAM = {
  /** Changes that need a list re-read are gathered this long, then the lists are re-read once. */
  batchMs: 500,
  /** A hidden tab keeps the stream this long (a quick look at another tab), then drops it. */
  hiddenGraceMs: 10_000,
} as const;

/** Data younger than this is not refetched on mount or focus. */
export const STALE_MS = 2_000;

// Runs before any app module loads (first of the jsdom setup files): the runtime configuration a
// deployment would set, with timeouts short enough that a test of a hanging API takes seconds,
// and long enough that a busy test machine never times a real answer out.
window.__RUNS_DASHBOARD_CONFIG__ = { readTimeoutMs: 4_000, writeTimeoutMs: 4_000 };

/**
 * What the page shows when the dashboard cannot start at all — in development, when the simulated
 * backend cannot start because this browser window does not allow service workers (a private
 * window, or a setting) — styled, saying why and what to do; never an unstyled line of text.
 */
export function StartupFailure({ reason, simulator }: { reason: string; simulator: boolean }) {
  return (
    <main className="startup-failure" aria-labelledby="startup-failure-title">
      <h1 id="startup-failure-title" className="page-title">
        The dashboard could not start
      </h1>
      {simulator ? (
        <>
          <p>
            The simulated backend runs in a service worker, and this browser window did not allow
            one to start ({reason}).
          </p>
          <ul>
            <li>Open the dashboard in a normal (not private) window, or</li>
            <li>allow service workers (site data) for this address in the browser settings, or</li>
            <li>
              run <code>npm run demo</code>: it serves the same simulator over plain HTTP, without a
              service worker.
            </li>
          </ul>
        </>
      ) : (
        <p>{reason}</p>
      )}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Try again
      </button>
    </main>
  );
}

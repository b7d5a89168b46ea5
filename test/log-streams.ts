/**
 * Log streams in jsdom tests. `withoutLogStreams` makes the simulated API a server without the
 * log stream extension (404, as docs/api.md says), so the log polls: what SPEC §3 describes.
 */
import { HttpResponse, http } from 'msw';
import { backend } from './backend';

export function withoutLogStreams(): void {
  backend.server.use(
    http.get('*/api/operations/:id/logs/stream', () =>
      HttpResponse.json({ detail: 'Not Found' }, { status: 404 }),
    ),
  );
}

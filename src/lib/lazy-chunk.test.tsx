import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { expect, test, vi } from 'vitest';
import { backend } from '../../test/backend';
import type { ChunkFailureProps } from './lazy-chunk';
import { lazyChunk } from './lazy-chunk';

const Hello = ({ name }: { name: string }) => <p>Hello {name}</p>;
const Failure = ({ onRetry, retrying }: ChunkFailureProps) => (
  <button type="button" onClick={onRetry} disabled={retrying}>
    Retry loading
  </button>
);

test('code preloaded before it mounts renders at once, without its fallback', async () => {
  const Chunk = lazyChunk(() => Promise.resolve(Hello), {
    fallback: <p>Loading…</p>,
    failure: Failure,
  });
  await Chunk.preload();
  render(<Chunk name="preloaded" />);
  // In the first commit: no Suspense fallback, no wait for its reveal.
  expect(screen.getByText('Hello preloaded')).toBeInTheDocument();
  expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
});

test('code not loaded yet shows its fallback, then the component', async () => {
  const Chunk = lazyChunk(() => Promise.resolve(Hello), {
    fallback: <p>Loading…</p>,
    failure: Failure,
  });
  render(<Chunk name="later" />);
  expect(screen.getByText('Loading…')).toBeInTheDocument();
  expect(await screen.findByText('Hello later')).toBeInTheDocument();
});

test('code that cannot be downloaded says so in the page; Retry loads it once the server answers', async () => {
  // React reports the caught import failure on the console; that is expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  backend.server.use(http.get('*/runtime-config.js', () => new HttpResponse('', { status: 200 })));
  let attempts = 0;
  const Chunk = lazyChunk(
    () => {
      attempts++;
      return attempts === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(Hello);
    },
    { fallback: <p>Loading…</p>, failure: Failure },
  );
  const user = userEvent.setup();
  render(<Chunk name="again" />);
  await user.click(await screen.findByRole('button', { name: 'Retry loading' }));
  expect(await screen.findByText('Hello again')).toBeInTheDocument();
  expect(attempts).toBe(2);
});

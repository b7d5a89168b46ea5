/**
 * The concurrency chart as the Activity page shows it: its code (the chart, its geometry and
 * words) is not part of the page's first view. It loads once the Runs have shown (ActivityPage
 * renders it then), into a box of its final size, which also holds the message when the code
 * cannot be downloaded.
 */
import { ChunkFailure } from '../../components/ui/ChunkFailure';
import type { ChunkFailureProps } from '../../lib/lazy-chunk';
import { lazyChunk } from '../../lib/lazy-chunk';
import { ConcurrencyBox, ConcurrencyLoading } from './ConcurrencyBox';

function ConcurrencyChunkFailure(props: ChunkFailureProps) {
  return (
    <ConcurrencyBox>
      <ChunkFailure {...props} />
    </ConcurrencyBox>
  );
}

export const LazyConcurrencyChart = lazyChunk(
  () => import('./ConcurrencyChart').then((m) => m.ConcurrencyChart),
  { fallback: <ConcurrencyLoading />, failure: ConcurrencyChunkFailure },
);

/**
 * A Run's details as the expanded row shows them: their code (results, logs, lifecycle, actions)
 * is not part of the Activity page's first view. It loads when a row first expands, or earlier,
 * once the page is idle (ActivityPage prefetches it).
 */
import { ChunkFailure } from '../../components/ui/ChunkFailure';
import { Skeleton } from '../../components/ui/Skeleton';
import { lazyChunk } from '../../lib/lazy-chunk';

export const LazyRunDetails = lazyChunk(() => import('./RunDetails').then((m) => m.RunDetails), {
  fallback: (
    <div role="status" className="page-skeleton">
      <span className="visually-hidden">Loading the Run…</span>
      <Skeleton width="40%" height={20} />
      <Skeleton width="90%" height={80} />
    </div>
  ),
  failure: ChunkFailure,
});

/**
 * The code each page loads on demand, split by hand so a chunk that cannot be downloaded (the
 * server is down) gives an in-app message with Retry instead of a reload into the browser's error
 * page (lib/lazy-chunk.tsx). The shell, the routes and these wrappers are in the entry; the pages
 * and what they show on demand are not.
 */
import { ChunkFailure } from '../../components/ui/ChunkFailure';
import { Skeleton } from '../../components/ui/Skeleton';
import { lazyChunk } from '../../lib/lazy-chunk';

/** What a page shows while its code arrives: the shape of a page, said once to screen readers. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="page-skeleton">
      <span className="visually-hidden">{label}</span>
      <Skeleton width="20%" height={24} />
      <Skeleton width="60%" />
      <Skeleton width="90%" height={120} />
    </div>
  );
}

const failure = ChunkFailure;

export const ActivityPage = lazyChunk(
  () => import('../../features/runs/ActivityPage').then((m) => m.ActivityPage),
  { fallback: <PageSkeleton label="Loading the Activity page…" />, failure },
);

export const LifecyclePage = lazyChunk(
  () => import('../../features/lifecycle/LifecyclePage').then((m) => m.LifecyclePage),
  { fallback: <PageSkeleton label="Loading the lifecycle…" />, failure },
);

export const RunDetails = lazyChunk(
  () => import('../../features/runs/RunDetails').then((m) => m.RunDetails),
  { fallback: <PageSkeleton label="Loading the Run…" />, failure },
);

export const BulkActionBar = lazyChunk(
  () => import('../../features/actions/BulkActionBar').then((m) => m.BulkActionBar),
  { fallback: null, failure },
);

export const RunActions = lazyChunk(
  () => import('../../features/actions/RunActions').then((m) => m.RunActions),
  { fallback: null, failure },
);

export const RunLifecycle = lazyChunk(
  () => import('../../features/lifecycle/RunLifecycle').then((m) => m.RunLifecycle),
  { fallback: null, failure },
);

export const RunTimeline = lazyChunk(
  () => import('../../features/lifecycle/RunTimeline').then((m) => m.RunTimeline),
  { fallback: null, failure },
);

export const RunLogPanel = lazyChunk(
  () => import('../../features/logs/RunLogPanel').then((m) => m.RunLogPanel),
  { fallback: <PageSkeleton label="Loading the log…" />, failure },
);

export const ContainerLogPanel = lazyChunk(
  () => import('../../features/logs/ContainerLogPanel').then((m) => m.ContainerLogPanel),
  { fallback: <PageSkeleton label="Loading the log…" />, failure },
);

export const ComparePage = lazyChunk(
  () => import('../../features/compare/ComparePage').then((m) => m.ComparePage),
  { fallback: <PageSkeleton label="Loading the comparison…" />, failure },
);

export const CompareSelected = lazyChunk(
  () => import('../../features/compare/CompareSelected').then((m) => m.CompareSelected),
  { fallback: null, failure },
);

export const WatchCenter = lazyChunk(
  () => import('../../features/watch/watch-chunk').then((m) => m.WatchCenter),
  { fallback: null, failure },
);

export const WatchRunToggle = lazyChunk(
  () => import('../../features/watch/watch-chunk').then((m) => m.WatchRunToggle),
  { fallback: null, failure },
);

// A row's bell has no room for the message: the same chunk's filter toggle, beside the page's
// title, shows it with Retry.
export const WatchRowToggle = lazyChunk(
  () => import('../../features/watch/watch-chunk').then((m) => m.WatchRowToggle),
  { fallback: null, failure: () => null },
);

export const FailureWatchToggle = lazyChunk(
  () => import('../../features/watch/watch-chunk').then((m) => m.FailureWatchToggle),
  { fallback: null, failure },
);

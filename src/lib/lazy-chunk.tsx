/**
 * Code loaded on demand (a page, a Run's details, the log viewer, the diagram) that fails like an
 * app, not like a browser: while its chunk loads, `fallback`; when it cannot be loaded (the server
 * is down, the network dropped), an in-app message with Retry — never a reload into the browser's
 * own error page, and never lost state on screen. Retry first checks that the server answers:
 * if it does and the chunk still fails, the deployment changed under the page (its chunks were
 * replaced), and only then does it reload.
 */
import type { ComponentType, ReactNode } from 'react';
import { Component, Suspense, createElement, lazy, useState } from 'react';

type Loader<P> = () => Promise<ComponentType<P>>;

export interface ChunkFailureProps {
  readonly error: unknown;
  readonly retrying: boolean;
  /** Whether the last Retry found the server still unreachable. */
  readonly stillUnreachable: boolean;
  readonly onRetry: () => void;
}

/** Whether the server that serves the app answers at all (a small file, never from a cache). */
async function originAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}runtime-config.js`, {
      cache: 'no-store',
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The chunk of code could not be loaded (as opposed to an error of the component itself). */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

interface BoundaryProps {
  readonly onChunkError: (error: ChunkLoadError) => void;
  readonly children: ReactNode;
}

/** Catches a failed import; any other error goes on to the route's error boundary. */
class ChunkBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    if (error instanceof ChunkLoadError) this.props.onChunkError(error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof ChunkLoadError) return null;
    throw error;
  }
}

/**
 * A component whose code loads on first render. `failure` renders the in-app message when it
 * cannot be loaded; the component's own errors are not caught here (they reach the route's).
 */
export function lazyChunk<P extends object>(
  load: Loader<P>,
  options: { fallback: ReactNode; failure: ComponentType<ChunkFailureProps> },
): ComponentType<P> & { preload: () => Promise<void> } {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  /** A fresh import already failed while the server answered: the deployment changed. */
  let failedWhileReachable = false;
  /** The component once its code has arrived: rendered directly, with no suspending. */
  let ready: ComponentType<P> | null = null;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        failedWhileReachable = false;
        ready = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = null; // the next attempt imports again
        throw new ChunkLoadError(error);
      },
    ));
  let current = lazy(start);
  const Failure = options.failure;

  function LazyChunk(props: P) {
    // Code that arrived before this mounted (preloaded by a route or when idle) renders at once:
    // no fallback, so no wait for React's reveal of suspended content. One type per instance
    // (switching would remount what it shows); a retry after a failure gives it a fresh one.
    const [Component, setComponent] = useState<ComponentType<P>>(() => ready ?? current);
    const [failure, setFailure] = useState<{
      error: ChunkLoadError;
      retrying: boolean;
      unreachable: boolean;
    } | null>(null);

    if (failure !== null) {
      const retry = () => {
        if (failure.retrying) return;
        setFailure({ ...failure, retrying: true });
        void originAnswers().then((answers) => {
          if (!answers) {
            setFailure({ ...failure, retrying: false, unreachable: true });
            return;
          }
          // Only a reload brings chunks a new deployment replaced; the server answers, so it
          // will not end on the browser's error page.
          if (failedWhileReachable) window.location.reload();
          failedWhileReachable = true;
          current = lazy(start);
          setComponent(() => current);
          setFailure(null);
        });
      };
      return (
        <Failure
          error={failure.error}
          retrying={failure.retrying}
          stillUnreachable={failure.unreachable}
          onRetry={retry}
        />
      );
    }
    return (
      <ChunkBoundary
        onChunkError={(error) => setFailure({ error, retrying: false, unreachable: false })}
      >
        <Suspense fallback={options.fallback}>{createElement(Component, props)}</Suspense>
      </ChunkBoundary>
    );
  }
  /** Starts loading the code now (e.g. when a link is hovered, or the browser is idle). */
  LazyChunk.preload = () =>
    start().then(
      () => undefined,
      () => undefined,
    );
  return LazyChunk;
}

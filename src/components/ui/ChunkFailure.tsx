import { mdiCloudOffOutline } from '@mdi/js';
import type { ChunkFailureProps } from '../../lib/lazy-chunk';
import { Icon } from './Icon';

/** A part of the dashboard whose code could not be downloaded: say so, keep the rest, offer Retry. */
export function ChunkFailure({ retrying, stillUnreachable, onRetry }: ChunkFailureProps) {
  return (
    <div role="alert" className="state state--error">
      <Icon path={mdiCloudOffOutline} size={28} />
      <div>
        <p className="state__title">This part of the dashboard could not be loaded</p>
        <p className="state__detail">
          Its code did not arrive: the server did not answer, or the connection dropped. Everything
          else on the page stays as it is.
        </p>
        {stillUnreachable ? (
          <p className="state__retrying">The server still does not answer.</p>
        ) : null}
        <button
          type="button"
          className="button"
          aria-disabled={retrying}
          aria-busy={retrying}
          onClick={onRetry}
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </div>
  );
}

/** What is being watched now, folded into one line, each with "Stop watching". */
import { operationLabel } from '../../domain/operations';
import type { Watch } from './watch-store';
import { unwatchFailures, unwatchRun } from './watch-store';

const nameOf = (watch: Watch): string =>
  watch.kind === 'run'
    ? `Run #${watch.id} ${operationLabel(watch.type)}`
    : `a Failure among ${watch.scope}`;

function summary(watches: readonly Watch[]): string {
  const [only] = watches;
  if (watches.length === 1 && only) return `Watching ${nameOf(only)}`;
  const runs = watches.filter((w) => w.kind === 'run').length;
  const filters = watches.length - runs;
  // Not lib/plural: importing it here moved it out of the chunk the entry shares (see
  // watch-chunk.ts). The counts are small whole numbers.
  const parts = [
    ...(runs > 0 ? [`${runs} ${runs === 1 ? 'Run' : 'Runs'}`] : []),
    ...(filters > 0 ? [`${filters} ${filters === 1 ? 'filter' : 'filters'}`] : []),
  ];
  return `Watching ${parts.join(' and ')}`;
}

export function WatchingList({ watches }: { watches: readonly Watch[] }) {
  if (watches.length === 0) return null;
  return (
    <details className="watching">
      <summary>{summary(watches)}</summary>
      <ul aria-label="Watched Runs and filters">
        {watches.map((watch) => (
          <li key={watch.kind === 'run' ? `run-${watch.id}` : watch.key}>
            <span>{nameOf(watch)}</span>
            <button
              type="button"
              className="button button--small"
              aria-label={`Stop watching ${nameOf(watch)}`}
              onClick={() =>
                watch.kind === 'run' ? unwatchRun(watch.id) : unwatchFailures(watch.key)
              }
            >
              Stop watching
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

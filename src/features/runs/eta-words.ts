/** What an estimate (src/domain/eta.ts) says, and what it rests on, in words. */
import type { Eta, EtaBasis } from '../../domain/eta';
import { assertNever } from '../../domain/assert-never';
import { formatDuration } from '../../lib/time';

const MINUTE = 60_000;
/** "About 6 minutes left" rounds up: a Run with 5 min 10 s left has about 6 minutes left. */
const aboutLeft = (ms: number) =>
  ms < MINUTE
    ? 'Less than a minute left'
    : `About ${formatDuration(Math.ceil(ms / MINUTE) * MINUTE)} left`;

const lastRuns = (basis: EtaBasis, label: string) =>
  basis.runs === 1 ? `the last ${label} Run` : `the last ${basis.runs} ${label} Runs`;

/** "About 6 minutes left, based on the last 8 Scan Runs". */
export function etaText(eta: Eta, label: string): string {
  const basedOn = `based on ${lastRuns(eta.basis, label)}`;
  switch (eta.kind) {
    case 'left':
      return `${aboutLeft(eta.leftMs)}, ${basedOn}`;
    case 'over':
      return `Longer than usual (usually about ${formatDuration(eta.basis.medianMs)}), ${basedOn}`;
    case 'usual':
      return `Usually about ${formatDuration(eta.basis.medianMs)} once started, ${basedOn}`;
    default:
      return assertNever(eta, 'estimate');
  }
}

/** The basis, on hover and focus. */
export function etaBasisText(basis: EtaBasis, label: string, datastore: string): string {
  if (basis.runs === 1)
    return `The last successful ${label} Run on ${datastore} took ${formatDuration(basis.medianMs)}.`;
  return (
    `The median duration of the last ${basis.runs} successful ${label} Runs on ${datastore}: ` +
    `${formatDuration(basis.medianMs)} (shortest ${formatDuration(basis.shortestMs)}, ` +
    `longest ${formatDuration(basis.longestMs)}).`
  );
}

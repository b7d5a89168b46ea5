import { operationInfo, progressText } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { formatCount } from '../../lib/time';
import { Fact } from './Fact';

/** The Run's counters: units processed, records, and the type's own counters. */
export function SummaryCounters({ run }: { run: Run }) {
  const { unit } = operationInfo(run.type);
  return (
    <dl className="facts facts--compact">
      <Fact term={`${unit} processed`}>
        {progressText(run.type, run.progress.processed, run.progress.total, run.containers)}
      </Fact>
      {run.counters.map((counter) => (
        <Fact key={counter.key} term={counter.label}>
          {formatCount(counter.value)}
        </Fact>
      ))}
    </dl>
  );
}

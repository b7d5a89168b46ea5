/** A Run's Details tab: the settings it ran with and its summary counters. */
import { Skeleton } from '../../components/ui/Skeleton';
import { operationLabel } from '../../domain/operations';
import type { Run, Setting } from '../../domain/run';
import { formatCount } from '../../lib/time';
import { Fact } from './Fact';
import { SummaryCounters } from './SummaryCounters';

export function RunSettings({
  run,
  titleId,
  headingLevel,
  loaded,
}: {
  run: Run;
  titleId: string;
  headingLevel: 2 | 3 | 4;
  /** The detail (with the settings) has arrived, not only the list's summary. */
  loaded: boolean;
}) {
  const Sub = `h${headingLevel}` as const;
  return (
    <div className="run-details__grid">
      <section aria-labelledby={`${titleId}-settings`}>
        <Sub id={`${titleId}-settings`} className="run-details__section-title">
          Settings
        </Sub>
        {run.settings.length > 0 ? (
          <dl className="facts facts--compact">
            {run.settings.map((setting) => (
              <Fact key={setting.key} term={setting.label}>
                {settingText(setting)}
              </Fact>
            ))}
          </dl>
        ) : loaded ? (
          <p className="muted">{operationLabel(run.type)} Runs have no settings of their own.</p>
        ) : (
          <Skeleton width="60%" />
        )}
      </section>
      <section aria-labelledby={`${titleId}-summary`}>
        <Sub id={`${titleId}-summary`} className="run-details__section-title">
          Summary
        </Sub>
        <SummaryCounters run={run} />
      </section>
    </div>
  );
}

function settingText(setting: Setting): string {
  if (typeof setting.value === 'boolean') return setting.value ? 'Yes' : 'No';
  if (typeof setting.value === 'number') return formatCount(setting.value);
  return setting.value;
}

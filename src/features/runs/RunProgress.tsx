import { ProgressBar } from '../../components/ui/ProgressBar';
import { progressText } from '../../domain/operations';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { stateTone } from '../../domain/states';

/** The badge's tone for the state (domain), except that a running bar is drawn in the accent. */
function tone(state: RunState): 'accent' | 'success' | 'danger' | 'neutral' {
  const badge = stateTone(state);
  return badge === 'warning' ? 'accent' : badge;
}

/** A bar plus "4 / 14 Tables" in the type's unit word. */
export function RunProgress({
  run,
}: {
  run: Pick<Run, 'id' | 'type' | 'state' | 'progress' | 'containers'>;
}) {
  const text = progressText(run.type, run.progress.processed, run.progress.total, run.containers);
  return (
    <div className="run-progress">
      <ProgressBar
        value={run.progress.processed}
        max={run.progress.total}
        label={`Progress of Run #${run.id}`}
        valueText={text}
        tone={tone(run.state)}
      />
      <span className="run-progress__text">{text}</span>
    </div>
  );
}

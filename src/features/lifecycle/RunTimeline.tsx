import { StatusBadge } from '../../components/ui/StatusBadge';
import type { Run } from '../../domain/run';
import { durationMs } from '../../domain/run';
import { isActive, stateLabel } from '../../domain/states';
import { useNow } from '../../lib/now';
import { formatAbsolute, formatDuration } from '../../lib/time';
import { timelineOf } from './timeline';
import './timeline.css';

/** The Run's state changes with their times, oldest first, and how long each took. */
export function RunTimeline({ run }: { run: Run }) {
  const active = isActive(run.state);
  const now = useNow(active);
  const steps = timelineOf(run);
  const running = durationMs(run, now);
  return (
    <section className="history" aria-labelledby={`timeline-${run.id}`}>
      <h2 id={`timeline-${run.id}`} className="history__title">
        Timeline
      </h2>
      <ol className="timeline">
        {steps.map((step, i) => (
          <li key={`${step.state}-${i}`} className={`timeline__step timeline__step--${step.kind}`}>
            <StatusBadge state={step.state} size="sm" />
            <span className="timeline__how">{step.how}</span>
            {step.at !== null ? (
              <time className="timeline__at" dateTime={new Date(step.at).toISOString()}>
                {formatAbsolute(step.at)}
              </time>
            ) : (
              <span className="timeline__at muted">time not recorded</span>
            )}
            {step.after !== null && i > 0 ? (
              <span className="muted">({formatDuration(step.after)} later)</span>
            ) : null}
          </li>
        ))}
        {active ? (
          <li className="timeline__step timeline__step--now">
            <span className="timeline__how">
              Now {stateLabel(run.state)}
              {run.state === 'running' && running !== null
                ? ` for ${formatDuration(running)}`
                : run.state === 'queued'
                  ? `, waiting for ${formatDuration(Math.max(0, now - run.createdAt))}`
                  : ''}
            </span>
          </li>
        ) : null}
      </ol>
    </section>
  );
}

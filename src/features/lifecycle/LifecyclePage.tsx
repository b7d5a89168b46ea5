import { LIFECYCLE_VARIANTS, initialState, statesFor } from '../../domain/lifecycle';
import type { RunState } from '../../domain/states';
import { RUN_STATES, stateLabel } from '../../domain/states';
import { LifecycleDiagram } from './LifecycleDiagram';
import { LifecycleLegend } from './LifecycleLegend';
import { inEveryLayout, lifecycleDiagram } from './to-mermaid';
import { TransitionList } from './TransitionList';
import './lifecycle.css';

/**
 * Both lifecycles (SPEC §1.1), drawn from the domain's transition table. Needs no API data. A
 * state can be highlighted (kept in the URL by the route) to see what can happen from it.
 */
export function LifecyclePage({
  highlight,
  onHighlightChange,
}: {
  highlight: RunState | null;
  onHighlightChange: (state: RunState | null) => void;
}) {
  return (
    <section aria-labelledby="lifecycle-title" className="lifecycle-page">
      <h1 id="lifecycle-title" className="page-title">
        Run lifecycle
      </h1>
      <p className="lifecycle-page__intro">
        Every Run moves through these states. The diagrams are drawn from the same transition table
        the dashboard uses for its badges and buttons. A Run that has ended never changes again:
        Resume and Rerun create a new Run.
      </p>
      <div className="lifecycle-page__controls">
        <label>
          Highlight a state{' '}
          <select
            value={highlight ?? ''}
            onChange={(event) =>
              onHighlightChange(RUN_STATES.find((s) => s === event.target.value) ?? null)
            }
          >
            <option value="">None</option>
            {RUN_STATES.map((state) => (
              <option key={state} value={state}>
                {stateLabel(state)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LifecycleLegend />
      {LIFECYCLE_VARIANTS.map((variant) => {
        const type = variant.representative;
        const absent = highlight !== null && !statesFor(type).includes(highlight);
        return (
          <section
            key={variant.id}
            aria-labelledby={`lifecycle-${variant.id}`}
            className="lifecycle-page__variant"
          >
            <h2 id={`lifecycle-${variant.id}`}>{variant.title}</h2>
            <LifecycleDiagram
              drawings={inEveryLayout((layout) =>
                lifecycleDiagram(type, {
                  highlight,
                  title: `Run lifecycle: ${variant.title}`,
                  unit: variant.unit,
                  layout,
                }),
              )}
              caption={
                <>
                  {variant.title}: a new Run starts in {stateLabel(initialState(type))}.
                  {absent && highlight !== null
                    ? ` These Runs are never ${stateLabel(highlight)}.`
                    : null}
                </>
              }
              fallback={
                <TransitionList
                  type={type}
                  unit={variant.unit}
                  label={`Transitions: ${variant.title}`}
                />
              }
            />
          </section>
        );
      })}
    </section>
  );
}

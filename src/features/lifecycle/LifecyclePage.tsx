import { LIFECYCLE_VARIANTS, initialState } from '../../domain/lifecycle';
import { stateLabel } from '../../domain/states';
import { TransitionList } from './TransitionList';

export function LifecyclePage() {
  return (
    <section aria-labelledby="lifecycle-title">
      <h1 id="lifecycle-title" className="page-title">
        Run lifecycle
      </h1>
      {LIFECYCLE_VARIANTS.map((variant) => (
        <section key={variant.id} aria-labelledby={`lifecycle-${variant.id}`}>
          <h2 id={`lifecycle-${variant.id}`}>{variant.title}</h2>
          <p>Starts in {stateLabel(initialState(variant.representative))}.</p>
          <TransitionList type={variant.representative} />
        </section>
      ))}
    </section>
  );
}

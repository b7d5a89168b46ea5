import type { OperationType } from '../../domain/operations';
import { transitionsFor } from '../../domain/lifecycle';
import { stateLabel } from '../../domain/states';

/** The lifecycle as a readable list: the text form of the diagram, and its fallback. */
export function TransitionList({ type }: { type: OperationType }) {
  return (
    <ul className="transition-list">
      {transitionsFor(type).map((t) => (
        <li key={`${t.from}-${t.to}`}>
          {stateLabel(t.from)} → {stateLabel(t.to)}: {t.label} (
          {t.kind === 'automatic' ? 'automatic' : t.kind === 'user' ? 'user action' : 'error'})
        </li>
      ))}
    </ul>
  );
}

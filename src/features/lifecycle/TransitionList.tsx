import { transitionsFor } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { stateLabel } from '../../domain/states';
import { edgeKindLabel } from './lifecycle-words';

/** The lifecycle as a readable list: the text form of the diagram, and its fallback. */
export function TransitionList({ type, label }: { type: OperationType; label?: string }) {
  return (
    <ul className="transition-list" aria-label={label ?? 'Transitions'}>
      {transitionsFor(type).map((t) => (
        <li key={`${t.from}-${t.to}`}>
          {stateLabel(t.from)} → {stateLabel(t.to)}: {t.label} ({edgeKindLabel(t.kind)})
        </li>
      ))}
    </ul>
  );
}

import { transitionsFor } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { stateLabel } from '../../domain/states';
import { edgeKindLabel } from './lifecycle-words';

/** The lifecycle as a readable list: the text form of the diagram, and its fallback. */
export function TransitionList({
  type,
  unit,
  label,
}: {
  type: OperationType;
  /** The unit word of the labels, where the list stands for several types; else the type's. */
  unit?: string;
  label?: string;
}) {
  return (
    <ul className="transition-list" aria-label={label ?? 'Transitions'}>
      {transitionsFor(type, unit).map((t) => (
        <li key={`${t.from}-${t.to}`}>
          {stateLabel(t.from)} → {stateLabel(t.to)}: {t.label} ({edgeKindLabel(t.kind)})
        </li>
      ))}
    </ul>
  );
}

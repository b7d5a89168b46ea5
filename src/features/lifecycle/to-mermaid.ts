/**
 * Mermaid flowchart text for the lifecycle diagrams, generated from the domain's transition table
 * (src/domain/lifecycle.ts). Pure: no DOM, no clock, no locale — times come in through a
 * formatter. Nothing here is hand-written diagram text; every state, edge and label comes from the
 * domain, and flowchart-text.ts spells it for mermaid (its header lists the conventions).
 *
 * - Node ids are the state values (`queued`, `running`, …) plus `start` and `relaunch`.
 * - Edge roles: `edge` (plain), `taken` (on the Run's path), `next` (still possible from the
 *   current state), `other` (not on the Run's path), `relaunch`.
 * - Classes: `tone_<tone>` per state (the badge colours), `current` (the Run's state, or the one
 *   picked on the Lifecycle page), `visited`, `unvisited`, `relaunch`.
 * - Each diagram comes in every layout (left to right, top to bottom, and top to bottom with
 *   shorter label lines): the component draws the widest one that fits its box.
 */
import { initialState, statesFor, transitionsFor } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { operationInfo } from '../../domain/operations';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { TERMINAL_STATES, stateLabel, stateTone } from '../../domain/states';
import type { RunPath, Visit, VisitMoment } from '../../domain/run-path';
import { runPath } from '../../domain/run-path';
import type { EdgeSpec, Layout, NodeSpec } from './flowchart-text';
import { LAYOUTS, writeFlowchart } from './flowchart-text';
import { edgeKindLabel, relaunchActionsText, relaunchText } from './lifecycle-words';

export type { Layout } from './flowchart-text';

export type TimeFormatter = (ms: number) => string;

/** One diagram in each layout. */
export type Drawings = Readonly<Record<Layout, string>>;

/** The same diagram written in every layout. */
export function inEveryLayout(write: (layout: Layout) => string): Drawings {
  const [wide = '', tall = '', narrow = ''] = LAYOUTS.map(write);
  return { wide, tall, narrow };
}

const START: NodeSpec = { id: 'start', shape: 'start', lines: [], classes: [] };

function describeTransitions(type: OperationType, unit: string | undefined): string {
  const byFrom = new Map<RunState, string[]>();
  for (const t of transitionsFor(type, unit)) {
    const list = byFrom.get(t.from) ?? [];
    list.push(`to ${stateLabel(t.to)} (${edgeKindLabel(t.kind)}: ${t.label})`);
    byFrom.set(t.from, list);
  }
  const parts = [...byFrom].map(([from, list]) => `From ${stateLabel(from)}: ${list.join('; ')}.`);
  const finals = TERMINAL_STATES.map(stateLabel);
  return `A new Run starts in ${stateLabel(initialState(type))}. ${parts.join(' ')} ${finals.join(
    ', ',
  )} are final.`;
}

export interface LifecycleDiagramOptions {
  /** A state to highlight, with the transitions possible from it emphasised. */
  readonly highlight?: RunState | null;
  /** The accessible title; defaults to the operation's lifecycle. */
  readonly title?: string;
  /** The unit word of the labels, where one drawing stands for several types; else the type's. */
  readonly unit?: string;
  readonly layout?: Layout;
}

/**
 * The lifecycle of an operation type: the general one (every type but Promote) or Promote's,
 * which starts in Running and has no Queued.
 */
export function lifecycleDiagram(
  type: OperationType,
  options: LifecycleDiagramOptions = {},
): string {
  const states = statesFor(type);
  const highlight =
    options.highlight !== undefined &&
    options.highlight !== null &&
    states.includes(options.highlight)
      ? options.highlight
      : null;
  const nodes: NodeSpec[] = [
    START,
    ...states.map<NodeSpec>((state) => ({
      id: state,
      shape: 'state',
      lines: [state === highlight ? `${stateLabel(state)} (highlighted)` : stateLabel(state)],
      classes: [`tone_${stateTone(state)}`, ...(state === highlight ? ['current'] : [])],
    })),
  ];
  const edges: EdgeSpec[] = [
    { from: 'start', to: initialState(type), kind: 'automatic', label: 'created', role: 'edge' },
    ...transitionsFor(type, options.unit).map<EdgeSpec>((t) => ({
      from: t.from,
      to: t.to,
      kind: t.kind,
      label: t.label,
      role: highlight !== null && t.from === highlight ? 'next' : 'edge',
    })),
  ];
  const highlighted =
    highlight === null
      ? ''
      : ` Highlighted: ${stateLabel(highlight)}; the transitions possible from it are drawn thicker.`;
  return writeFlowchart({
    layout: options.layout ?? 'wide',
    accTitle: options.title ?? `Lifecycle of ${operationInfo(type).label} runs`,
    accDescr: `${describeTransitions(type, options.unit)}${highlighted}`,
    nodes,
    edges,
  });
}

const MOMENT_WORD: Record<VisitMoment, string> = {
  created: 'created',
  started: 'started',
  ended: 'ended',
};

function visitLine(visit: Visit, formatTime: TimeFormatter): string {
  return visit.at === null
    ? `${MOMENT_WORD[visit.moment]}: time not recorded`
    : `${MOMENT_WORD[visit.moment]} ${formatTime(visit.at)}`;
}

/** In a box: the moment and its time on lines of their own, so the box stays narrow. */
function visitLines(visit: Visit, formatTime: TimeFormatter): string[] {
  return [
    MOMENT_WORD[visit.moment],
    visit.at === null ? 'time not recorded' : formatTime(visit.at),
  ];
}

/** The Run's path, next transitions and relaunch options as sentences (for `accDescr`). */
function describeRun(type: OperationType, path: RunPath, formatTime: TimeFormatter): string {
  const visited = path.visits
    .map((v) => `${stateLabel(v.state)} (${visitLine(v, formatTime)})`)
    .join(', ');
  const next =
    path.next.length === 0
      ? 'No further transitions: the Run has ended.'
      : `Possible next: ${path.next
          .map((t) => `${stateLabel(t.to)} (${edgeKindLabel(t.kind)}: ${t.label})`)
          .join('; ')}.`;
  const relaunch = path.relaunch === null ? '' : ` ${relaunchText(type, path.relaunch)}`;
  return `Current state: ${stateLabel(path.current)}. Path so far: ${visited}. ${next}${relaunch}`;
}

/**
 * The lifecycle of one Run: its current state highlighted, the states it passed through marked
 * with their times, the transitions still possible from here emphasised (none once terminal), and
 * for a terminal Run a node saying how it can be relaunched (Resume / Rerun, each a new Run).
 */
export function runDiagram(run: Run, formatTime: TimeFormatter, layout: Layout = 'wide'): string {
  const path = runPath(run);
  const visits = new Map(path.visits.map((v) => [v.state, v]));
  const nodes: NodeSpec[] = [START];
  for (const state of statesFor(run.type)) {
    const visit = visits.get(state);
    const current = state === path.current;
    nodes.push({
      id: state,
      shape: 'state',
      lines: [
        current ? `${stateLabel(state)} (current)` : stateLabel(state),
        ...(visit ? visitLines(visit, formatTime) : []),
      ],
      classes: [
        `tone_${stateTone(state)}`,
        visit ? 'visited' : 'unvisited',
        ...(current ? ['current'] : []),
      ],
    });
  }
  const first = initialState(run.type);
  const edges: EdgeSpec[] = [
    { from: 'start', to: first, kind: 'automatic', label: 'created', role: 'taken' },
    ...transitionsFor(run.type).map<EdgeSpec>((t) => {
      const taken = path.taken.some((p) => p.from === t.from && p.to === t.to);
      const next = path.next.some((p) => p.from === t.from && p.to === t.to);
      return {
        from: t.from,
        to: t.to,
        kind: t.kind,
        label: t.label,
        role: taken ? 'taken' : next ? 'next' : 'other',
      };
    }),
  ];
  if (path.relaunch !== null && path.relaunch.length > 0) {
    nodes.push({
      id: 'relaunch',
      shape: 'relaunch',
      lines: ['a new Run', `starts in ${stateLabel(first)}`],
      classes: ['relaunch'],
    });
    edges.push({
      from: path.current,
      to: 'relaunch',
      kind: 'user',
      label: relaunchActionsText(path.relaunch),
      role: 'relaunch',
    });
  }
  return writeFlowchart({
    layout,
    accTitle: `Lifecycle of Run #${run.id} (${operationInfo(run.type).label})`,
    accDescr: describeRun(run.type, path, formatTime),
    nodes,
    edges,
  });
}

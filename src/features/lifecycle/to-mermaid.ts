/**
 * Mermaid flowchart text generated from the domain's transition table (src/domain/lifecycle.ts).
 * Pure: no DOM, no clock, no locale — times come in through a formatter. Nothing here is
 * hand-written diagram text; every state, edge and label comes from the domain.
 *
 * Conventions of the generated text (the stylesheet lifecycle.css relies on them):
 * - `flowchart LR`; automatic transitions `-->` (solid), a user action or an error `-.->` (dotted);
 *   every edge labelled; a start node into the type's initial state.
 * - Node ids are the state values (`queued`, `running`, …) plus `start` and `relaunch`.
 * - Edge ids say their role: `edge_` (plain), `taken_` (on the Run's path), `next_` (still
 *   possible from the current state), `other_` (not on the Run's path), `relaunch_`.
 * - Classes: `tone_<tone>` per state (the badge colours), `current`, `visited`, `unvisited`,
 *   `relaunch`. Class definitions carry only theme-neutral styles (widths, dashes); colours come
 *   from the app's stylesheet so they follow the light/dark theme.
 */
import { assertNever } from '../../domain/assert-never';
import type { EdgeKind } from '../../domain/lifecycle';
import { initialState, statesFor, transitionsFor } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { operationInfo } from '../../domain/operations';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { TERMINAL_STATES, stateLabel, stateTone } from '../../domain/states';
import type { RunPath, Visit, VisitMoment } from '../../domain/run-path';
import { runPath } from '../../domain/run-path';
import { edgeKindLabel, relaunchActionsText, relaunchText } from './lifecycle-words';

export type TimeFormatter = (ms: number) => string;

/**
 * Text made safe inside a quoted mermaid label: anything but plain letters, digits, spaces and a
 * little punctuation becomes a mermaid entity code (`#35;`), so quotes, `<`, `>`, `&`, `#`,
 * backticks, pipes and brackets can neither end the label, nor become markup, nor a markdown
 * string. Line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) {
    out += /^[A-Za-z0-9 .,:!?'()/+_-]$/.test(ch) ? ch : `#${ch.codePointAt(0) ?? 32};`;
  }
  return out;
}

/** Text for `accTitle` / `accDescr`: one line (a line break would end the statement). */
function accText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

type EdgeRole = 'edge' | 'taken' | 'next' | 'other' | 'relaunch';

interface NodeSpec {
  readonly id: string;
  readonly shape: 'state' | 'start' | 'relaunch';
  /** Lines of plain text; escaped and joined with `<br/>` when written. */
  readonly lines: readonly string[];
  readonly classes: readonly string[];
}

interface EdgeSpec {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label: string;
  readonly role: EdgeRole;
}

interface FlowSpec {
  readonly accTitle: string;
  readonly accDescr: string;
  readonly nodes: readonly NodeSpec[];
  readonly edges: readonly EdgeSpec[];
}

/** Theme-neutral class styles; colours live in lifecycle.css. */
const CLASS_DEFS: readonly (readonly [string, string])[] = [
  ['current', 'stroke-width:3px,font-weight:bold'],
  ['unvisited', 'stroke-dasharray:4'],
  ['relaunch', 'stroke-dasharray:4'],
];

const EMPHASIS_STYLE = 'stroke-width:3px';

const CLASS_ORDER = ['visited', 'unvisited', 'current', 'relaunch'];

/** Tone classes first (in state order), then the others in a fixed order. */
function classRank(name: string): number {
  const i = CLASS_ORDER.indexOf(name);
  return i === -1 ? -1 : i;
}

function arrow(kind: EdgeKind): string {
  return kind === 'automatic' ? '-->' : '-.->';
}

function nodeLine(node: NodeSpec): string {
  const label = `"${node.lines.map(mermaidLabel).join('<br/>')}"`;
  switch (node.shape) {
    case 'start':
      return `  ${node.id}@{ shape: sm-circ }`;
    case 'state':
      return `  ${node.id}[${label}]`;
    case 'relaunch':
      return `  ${node.id}([${label}])`;
    default:
      return assertNever(node.shape, 'node shape');
  }
}

function writeFlowchart(spec: FlowSpec): string {
  const lines = [
    'flowchart LR',
    `  accTitle: ${accText(spec.accTitle)}`,
    `  accDescr: ${accText(spec.accDescr)}`,
    ...spec.nodes.map(nodeLine),
  ];
  spec.edges.forEach((edge) => {
    const id = `${edge.role}_${edge.from}_${edge.to}`;
    lines.push(
      `  ${edge.from} ${id}@${arrow(edge.kind)}|"${mermaidLabel(edge.label)}"| ${edge.to}`,
    );
  });
  const classNames = [...new Set(spec.nodes.flatMap((n) => n.classes))].sort(
    (a, b) => classRank(a) - classRank(b),
  );
  for (const [name, style] of CLASS_DEFS) {
    if (classNames.includes(name)) lines.push(`  classDef ${name} ${style}`);
  }
  for (const name of classNames) {
    const ids = spec.nodes.filter((n) => n.classes.includes(name)).map((n) => n.id);
    lines.push(`  class ${ids.join(',')} ${name}`);
  }
  const emphasised = spec.edges.flatMap((e, i) => (e.role === 'next' ? [i] : []));
  if (emphasised.length > 0) lines.push(`  linkStyle ${emphasised.join(',')} ${EMPHASIS_STYLE}`);
  return `${lines.join('\n')}\n`;
}

const START: NodeSpec = { id: 'start', shape: 'start', lines: [], classes: [] };

function describeTransitions(type: OperationType): string {
  const byFrom = new Map<RunState, string[]>();
  for (const t of transitionsFor(type)) {
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
    ...transitionsFor(type).map<EdgeSpec>((t) => ({
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
    accTitle: options.title ?? `Lifecycle of ${operationInfo(type).label} runs`,
    accDescr: `${describeTransitions(type)}${highlighted}`,
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
export function runDiagram(run: Run, formatTime: TimeFormatter): string {
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
        ...(visit ? [visitLine(visit, formatTime)] : []),
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
    accTitle: `Lifecycle of Run #${run.id} (${operationInfo(run.type).label})`,
    accDescr: describeRun(run.type, path, formatTime),
    nodes,
    edges,
  });
}

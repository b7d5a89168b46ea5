/**
 * Writes mermaid flowchart text from a plain description of nodes and edges. Pure. to-mermaid.ts
 * says what the lifecycle diagrams hold; this file only says how that is spelled for mermaid.
 *
 * Conventions of the written text (lifecycle.css relies on them):
 * - One of three layouts: `wide` (`flowchart LR`), `tall` (`flowchart TB`) and `narrow` (TB, its
 *   labels on shorter lines). Automatic transitions `-->` (solid), a user action or an error `-.->`
 *   (mermaid's "dotted" link, drawn dashed by lifecycle.css); every edge labelled, a long label on
 *   two or more lines so that it stays narrow.
 * - Edge ids are `<role>_<from>_<to>`; classes are written after the nodes, tone classes first.
 *   Class definitions carry only theme-neutral styles (widths, dashes); colours come from the
 *   app's stylesheet so they follow the light/dark theme.
 */
import { assertNever } from '../../domain/assert-never';
import type { EdgeKind } from '../../domain/lifecycle';
import type { FlowDirection } from '../../lib/mermaid';

/**
 * How a diagram is laid out: left to right (`wide`), or top to bottom with its labels on lines of
 * up to 16 characters (`tall`) or 10 (`narrow`, for phones).
 */
export type Layout = 'wide' | 'tall' | 'narrow';

/** The layouts from the widest drawing to the narrowest. */
export const LAYOUTS: readonly Layout[] = ['wide', 'tall', 'narrow'];

const LAYOUT: Record<Layout, { readonly direction: FlowDirection; readonly labelLine: number }> = {
  wide: { direction: 'LR', labelLine: 16 },
  tall: { direction: 'TB', labelLine: 16 },
  narrow: { direction: 'TB', labelLine: 10 },
};

/** Which way a layout flows. */
export const layoutDirection = (layout: Layout): FlowDirection => LAYOUT[layout].direction;

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

/** Past this many words a label is wrapped greedily (the balanced search is exponential). */
const MAX_BALANCED_WORDS = 10;

function greedyLines(words: readonly string[], max: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** All the ways to break `words` into lines, in order. */
function splits(words: readonly string[]): string[][] {
  const out: string[][] = [];
  // Each bit of `cuts` says whether a line break follows that word.
  for (let cuts = 0; cuts < 1 << (words.length - 1); cuts++) {
    const lines = [words[0] ?? ''];
    for (let i = 1; i < words.length; i++) {
      if (cuts & (1 << (i - 1))) lines.push(words[i] ?? '');
      else lines[lines.length - 1] += ` ${words[i] ?? ''}`;
    }
    out.push(lines);
  }
  return out;
}

const widest = (lines: readonly string[]) => Math.max(...lines.map((line) => line.length));

/** Longer lines first: "worker picks" / "it up" reads better than "worker" / "picks it up". */
function topHeavier(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i]?.length ?? 0) - (a[i]?.length ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A label broken into lines of at most `max` characters (a longer word stands alone): as few
 * lines as that allows, about as even as they can be (within a character of the most even
 * split), the longer lines first ("every container" / "processed"). So the label is as narrow as
 * its words allow while still reading as a phrase.
 */
export function wrapLabel(text: string, max: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const whole = words.join(' ');
  if (words.length <= 1 || whole.length <= max) return [whole];
  if (words.length > MAX_BALANCED_WORDS) return greedyLines(words, max);
  const fitting = splits(words).filter((lines) =>
    lines.every((line) => line.length <= max || !line.includes(' ')),
  );
  const fewest = Math.min(...fitting.map((lines) => lines.length));
  const fewestLines = fitting.filter((lines) => lines.length === fewest);
  const even = Math.min(...fewestLines.map(widest));
  const [best] = fewestLines.filter((lines) => widest(lines) <= even + 1).sort(topHeavier);
  return best ?? greedyLines(words, max);
}

export type EdgeRole = 'edge' | 'taken' | 'next' | 'other' | 'relaunch';

export interface NodeSpec {
  readonly id: string;
  readonly shape: 'state' | 'start' | 'relaunch';
  /** Lines of plain text; escaped and joined with `<br/>` when written. */
  readonly lines: readonly string[];
  readonly classes: readonly string[];
}

export interface EdgeSpec {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Plain text; wrapped to the layout's line length, then escaped. */
  readonly label: string;
  readonly role: EdgeRole;
}

export interface FlowSpec {
  readonly layout: Layout;
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
  return CLASS_ORDER.indexOf(name);
}

function arrow(kind: EdgeKind): string {
  return kind === 'automatic' ? '-->' : '-.->';
}

/** Text for `accTitle` / `accDescr`: one line (a line break would end the statement). */
function accText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const lines = (texts: readonly string[]) => texts.map(mermaidLabel).join('<br/>');

function nodeLine(node: NodeSpec): string {
  const label = `"${lines(node.lines)}"`;
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

export function writeFlowchart(spec: FlowSpec): string {
  const out = [
    `flowchart ${layoutDirection(spec.layout)}`,
    `  accTitle: ${accText(spec.accTitle)}`,
    `  accDescr: ${accText(spec.accDescr)}`,
    ...spec.nodes.map(nodeLine),
  ];
  for (const edge of spec.edges) {
    const id = `${edge.role}_${edge.from}_${edge.to}`;
    const label = lines(wrapLabel(edge.label, LAYOUT[spec.layout].labelLine));
    out.push(`  ${edge.from} ${id}@${arrow(edge.kind)}|"${label}"| ${edge.to}`);
  }
  const classNames = [...new Set(spec.nodes.flatMap((n) => n.classes))].sort(
    (a, b) => classRank(a) - classRank(b),
  );
  for (const [name, style] of CLASS_DEFS) {
    if (classNames.includes(name)) out.push(`  classDef ${name} ${style}`);
  }
  for (const name of classNames) {
    const ids = spec.nodes.filter((n) => n.classes.includes(name)).map((n) => n.id);
    out.push(`  class ${ids.join(',')} ${name}`);
  }
  const emphasised = spec.edges.flatMap((e, i) => (e.role === 'next' ? [i] : []));
  if (emphasised.length > 0) out.push(`  linkStyle ${emphasised.join(',')} ${EMPHASIS_STYLE}`);
  return `${out.join('\n')}\n`;
}

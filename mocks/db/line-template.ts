/**
 * The template of a generated log line, as data: fixed text around slots, each slot drawn per line
 * and known by the characters it can hold. Rendering a line costs about a microsecond, a million
 * of them a second; but whether a text can be in a template's lines at all is a question about the
 * template, asked once per search: a search then renders only the lines whose template may hold
 * the text, and counts those whose fixed text holds it without rendering them.
 */
import { TAG, tagged } from '../engine/ansi';

/** A part that changes from line to line: how it is drawn, which characters it can hold. */
export interface Slot<D, C> {
  draw(draw: D): string;
  /** Every character it can write (a superset will do). */
  alphabet(context: C): string;
  /** What it always writes, when that depends only on the context (a table's name). */
  fixed?(context: C): string;
}

export interface LineTemplate<D, C> {
  readonly tag: 'warning' | 'error' | null;
  readonly pieces: readonly string[];
  readonly slots: readonly Slot<D, C>[];
}

/** `line\`Read ${rows} rows of ${table}\``: fixed text and slots. */
export function line<D, C>(
  pieces: TemplateStringsArray,
  ...slots: Slot<D, C>[]
): LineTemplate<D, C> {
  return { tag: null, pieces: [...pieces], slots };
}

/** The same line behind a coloured WARN or ERROR tag. */
export const withTag = <D, C>(
  tag: 'warning' | 'error',
  template: LineTemplate<D, C>,
): LineTemplate<D, C> => ({ ...template, tag });

export function render<D, C>(template: LineTemplate<D, C>, draw: D): string {
  const { pieces, slots, tag } = template;
  let text = pieces[0] ?? '';
  for (let i = 0; i < slots.length; i++)
    text += (slots[i]?.draw(draw) ?? '') + (pieces[i + 1] ?? '');
  return tag === null ? text : tagged(tag, text);
}

/**
 * Whether every line of the template holds `needle` (lower case, as a reader sees the line), none
 * can, or it depends on the slots.
 */
export function verdict<D, C>(
  template: LineTemplate<D, C>,
  needle: string,
  context: C,
): 'always' | 'never' | 'maybe' {
  // The fixed runs of text (a slot fixed by the context is text too) and the slots between them.
  const fixed: string[] = [template.tag === null ? '' : `${TAG[template.tag].toLowerCase()} `];
  const open: Slot<D, C>[] = [];
  template.pieces.forEach((piece, i) => {
    fixed[fixed.length - 1] += piece.toLowerCase();
    const slot = template.slots[i];
    const text = slot?.fixed?.(context);
    if (text !== undefined) fixed[fixed.length - 1] += text.toLowerCase();
    else if (slot) {
      open.push(slot);
      fixed.push('');
    }
  });
  if (fixed.some((piece) => piece.includes(needle))) return 'always';
  // The line as a pattern: each fixed character, and each open slot as any run of its characters.
  const items: (string | Set<string>)[] = [];
  fixed.forEach((piece, i) => {
    items.push(...piece);
    const slot = open[i];
    if (slot) items.push(new Set(slot.alphabet(context).toLowerCase()));
  });
  return canHold(items, needle) ? 'maybe' : 'never';
}

/** Whether some text the pattern matches contains `needle` (a walk over the pattern's positions). */
function canHold(items: readonly (string | Set<string>)[], needle: string): boolean {
  const close = (positions: Set<number>) => {
    for (const p of positions) if (items[p] instanceof Set) positions.add(p + 1);
    return positions;
  };
  let at = close(new Set(items.keys()));
  for (const char of needle) {
    const next = new Set<number>();
    for (const p of at) {
      const item = items[p];
      if (item === char) next.add(p + 1);
      else if (item instanceof Set && item.has(char)) next.add(p);
    }
    if (next.size === 0) return false;
    at = close(next);
  }
  return true;
}

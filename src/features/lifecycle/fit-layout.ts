/**
 * Which layout to draw a diagram in, in a box of a given width: the widest one that fits (left to
 * right, then top to bottom, then top to bottom with shorter label lines). The narrowest may still
 * scroll sideways in a very narrow box, but no layout ever shrinks its text.
 */
import type { Layout } from './flowchart-text';
import { LAYOUTS } from './flowchart-text';

/**
 * Below these box widths (px) a layout is not even tried before its drawing's width is known: no
 * lifecycle drawn left to right is narrower than 640 px, nor one top to bottom than 480 with long
 * label lines.
 */
const TRY_FROM: Record<Layout, number> = { wide: 640, tall: 480, narrow: 0 };

/**
 * `width`: the box's content width in px (0 when it is not laid out: hidden, or a test DOM);
 * `drawnWidth`: the natural width of a layout's drawing, once it has been drawn.
 */
export function chooseLayout(
  width: number,
  drawnWidth: (layout: Layout) => number | undefined,
): Layout {
  if (width <= 0) return 'wide';
  for (const layout of LAYOUTS) {
    const drawn = drawnWidth(layout);
    if (drawn === undefined ? width >= TRY_FROM[layout] : drawn <= width) return layout;
  }
  return 'narrow';
}

/** The narrowest layout: drawn even when it does not fit (the box then scrolls). */
export const isNarrowest = (layout: Layout): boolean => layout === LAYOUTS[LAYOUTS.length - 1];

/** The natural width of a drawing, from its SVG markup's viewBox (or width attribute). */
export function naturalWidth(svg: string): number | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const viewBox = /\bviewBox="[-\d.e]+[ ,]+[-\d.e]+[ ,]+([\d.e]+)[ ,]+[\d.e]+"/.exec(root)?.[1];
  const width = viewBox ?? /\bwidth="([\d.]+)(?:px)?"/.exec(root)?.[1];
  const value = width === undefined ? NaN : Number(width);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * What a person sees of a drawn lifecycle diagram, measured in the browser: the size its text is
 * drawn at, whether labels run into boxes, arrows or each other, and the colours of its states.
 * Boxes are the on-screen boxes (getBoundingClientRect), so they account for any scaling.
 */
import type { Locator } from '@playwright/test';

/** Mermaid marks the drawing of a flowchart with this role description. */
export const drawing = (figure: Locator) =>
  figure.locator('svg[aria-roledescription="flowchart-v2"]');

export interface Geometry {
  /** Every piece of text in the drawing, with the size it is drawn at on screen (px). */
  readonly texts: readonly { readonly text: string; readonly px: number }[];
  /** Each edge label against what it must not touch: "label × node", "label × label", … */
  readonly overlaps: readonly string[];
  /** Per edge label, the length (px) of its own line left visible before and after it. */
  readonly runs: readonly {
    readonly label: string;
    readonly before: number;
    readonly after: number;
  }[];
  readonly labels: number;
  readonly nodes: number;
}

/** Measures the drawing inside `figure`. `touch`: how far boxes may run into each other (px). */
export function measureDrawing(figure: Locator, touch = 1): Promise<Geometry> {
  return drawing(figure).evaluate((svg, tolerance) => {
    interface Box {
      readonly left: number;
      readonly top: number;
      readonly right: number;
      readonly bottom: number;
    }
    const boxOf = (el: Element): Box => el.getBoundingClientRect();
    const overlap = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
    const inside = (p: DOMPoint, b: Box) =>
      p.x > b.left + tolerance &&
      p.x < b.right - tolerance &&
      p.y > b.top + tolerance &&
      p.y < b.bottom - tolerance;
    const words = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

    // Text: every element holding text of its own, at its computed size times the scale of the
    // SVG coordinates it sits in (a drawing shrunk to fit would shrink this).
    const texts = [...svg.querySelectorAll('*')]
      .filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')),
      )
      .map((el) => {
        const host = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
        const ctm = host instanceof SVGGraphicsElement ? host.getScreenCTM() : null;
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        return { text: words(el), px: parseFloat(getComputedStyle(el).fontSize) * scale };
      });

    const nodes = [...svg.querySelectorAll('g.node')].map((g) => ({
      name: words(g) || g.id,
      box: boxOf(g),
    }));
    const labels = [...svg.querySelectorAll('g.edgeLabel')]
      .filter((g) => words(g) !== '')
      .map((g) => ({
        name: words(g),
        id: g.querySelector('[data-id]')?.getAttribute('data-id') ?? '',
        box: boxOf(g.querySelector('foreignObject') ?? g),
      }));
    const edges = [...svg.querySelectorAll<SVGPathElement>('path.flowchart-link')].map((path) => {
      const ctm = path.getScreenCTM();
      const length = path.getTotalLength();
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 1) {
        const p = path.getPointAtLength(at);
        points.push(ctm ? p.matrixTransform(ctm) : p);
      }
      return { id: path.getAttribute('data-id') ?? '', points };
    });

    const overlaps: string[] = [];
    const runs: { label: string; before: number; after: number }[] = [];
    labels.forEach((label, i) => {
      for (const node of nodes) {
        if (overlap(label.box, node.box)) overlaps.push(`"${label.name}" × box "${node.name}"`);
      }
      for (const other of labels.slice(i + 1)) {
        if (overlap(label.box, other.box)) overlaps.push(`"${label.name}" × "${other.name}"`);
      }
      for (const edge of edges) {
        if (edge.id === label.id) {
          // Its own line passes under it; how much of that line shows on either side?
          const under = edge.points.flatMap((p, at) => (inside(p, label.box) ? [at] : []));
          const first = under[0] ?? edge.points.length;
          const last = under[under.length - 1] ?? edge.points.length;
          runs.push({ label: label.name, before: first, after: edge.points.length - 1 - last });
        } else if (edge.points.some((p) => inside(p, label.box))) {
          overlaps.push(`"${label.name}" × arrow ${edge.id}`);
        }
      }
    });
    return { texts, overlaps, runs, labels: labels.length, nodes: nodes.length };
  }, touch);
}

/** Hue (degrees) and saturation (0–1) of a CSS rgb() colour. */
export function hueOf(color: string): { hue: number; saturation: number } {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map((n) => Number(n) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const light = (max + min) / 2;
  const saturation = d === 0 ? 0 : d / (1 - Math.abs(2 * light - 1));
  let hue = 0;
  if (d !== 0) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
  }
  return { hue: (hue * 60 + 360) % 360, saturation };
}

/** The distance (degrees, 0–180) between the hues of two colours. */
export function hueDistance(a: string, b: string): number {
  const d = Math.abs(hueOf(a).hue - hueOf(b).hue);
  return Math.min(d, 360 - d);
}

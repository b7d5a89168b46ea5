import type { ReactNode, RefObject } from 'react';
import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useColorScheme } from '../../lib/theme';
import { renderMermaid } from '../../lib/mermaid';
import { chooseLayout, isNarrowest, naturalWidth } from './fit-layout';
import { layoutDirection } from './flowchart-text';
import type { Drawings } from './to-mermaid';
import './lifecycle.css';

type Outcome =
  { readonly key: string; readonly ok: true } | { readonly key: string; readonly ok: false };

/** Natural widths of the drawings already made, by their text (for any later box). */
const drawnWidths = new Map<string, number>();

/** The content width of an element (inside its padding), kept up to date. */
function useContentWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    setWidth(Math.max(0, element.clientWidth - padding));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * A lifecycle diagram drawn by mermaid (loaded on first use), inside a labelled figure. It is drawn
 * at its natural size in the widest layout that fits the figure (left to right, else top to
 * bottom, else top to bottom with shorter label lines); a drawing still wider than the figure
 * scrolls sideways (and can then be focused and scrolled by keyboard) — its text never shrinks. While mermaid loads it says so; if drawing fails
 * it shows `fallback` (the transitions as a list) instead of a blank.
 */
export function LifecycleDiagram({
  drawings,
  caption,
  fallback,
  compact = false,
}: {
  /** Mermaid text from to-mermaid.ts, in every layout. */
  drawings: Drawings;
  /** The figure's visible caption, which also names it. */
  caption: ReactNode;
  /** What to show when the diagram cannot be drawn: the same information as text. */
  fallback: ReactNode;
  compact?: boolean;
}) {
  const captionId = useId();
  const figure = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  const width = useContentWidth(figure);
  const widthNow = useRef(0);
  useLayoutEffect(() => {
    widthNow.current = width ?? 0;
  }, [width]);
  const [, measured] = useReducer((n: number) => n + 1, 0);
  // Nothing is drawn before the figure's width is known (the first layout effect).
  const layout =
    width === undefined ? null : chooseLayout(width, (l) => drawnWidths.get(drawings[l]));
  const definition = layout === null ? null : drawings[layout];
  const key = `${scheme}\n${definition ?? ''}`;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    if (layout === null || definition === null) return;
    let cancelled = false;
    renderMermaid(definition, scheme, layoutDirection(layout)).then(
      (svg) => {
        if (cancelled || !canvas.current) return;
        const natural = naturalWidth(svg);
        if (natural !== undefined) drawnWidths.set(definition, natural);
        // Too wide for the figure: the next layout is drawn instead (the next render picks it).
        const tooWide = natural !== undefined && widthNow.current > 0 && natural > widthNow.current;
        if (tooWide && !isNarrowest(layout)) {
          measured();
          return;
        }
        // The one place the app inserts markup: the SVG comes from mermaid's render output,
        // generated from our own diagram text and sanitised by mermaid (DOMPurify) under
        // securityLevel 'strict'. An SVG string cannot be rendered as React elements without
        // parsing it, and dangerouslySetInnerHTML is banned by lint for data, so it is set on a
        // container that React leaves empty (React never manages its children).
        canvas.current.innerHTML = svg;
        setOutcome({ key, ok: true });
      },
      () => {
        if (cancelled) return;
        if (canvas.current) canvas.current.innerHTML = '';
        setOutcome({ key, ok: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [definition, layout, scheme, key]);

  // Whether the drawing is wider than its box (then the box scrolls and takes keyboard focus).
  useEffect(() => {
    const element = canvas.current;
    if (element) setScrolls(element.scrollWidth > element.clientWidth + 1);
  }, [outcome, width]);

  const settled = outcome?.key === key ? outcome : null;
  // While a new drawing is under way (a theme switch, a Run that moved on), keep the last one.
  const showCanvas = outcome?.ok === true;
  const failed = settled?.ok === false;
  const scrollable = scrolls && showCanvas && !failed;
  return (
    <figure
      ref={figure}
      className={compact ? 'lifecycle-figure lifecycle-figure--compact' : 'lifecycle-figure'}
      aria-labelledby={captionId}
      aria-busy={settled === null}
    >
      <figcaption id={captionId} className="lifecycle-figure__caption">
        {caption}
      </figcaption>
      {settled === null && !showCanvas ? (
        <p role="status" className="lifecycle-figure__loading">
          Drawing the diagram…
        </p>
      ) : null}
      <div
        ref={canvas}
        className="lifecycle-figure__canvas"
        hidden={!showCanvas || failed}
        {...(scrollable
          ? { tabIndex: 0, role: 'group', 'aria-label': 'Diagram, scrolls sideways' }
          : {})}
      />
      {scrollable ? (
        <p className="lifecycle-figure__hint">Scroll sideways to see the whole diagram.</p>
      ) : null}
      {failed ? (
        <div className="lifecycle-figure__fallback">
          <p>The diagram could not be drawn; here are its transitions as a list.</p>
          {fallback}
        </div>
      ) : null}
    </figure>
  );
}

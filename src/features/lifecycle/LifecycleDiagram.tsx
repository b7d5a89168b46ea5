import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useColorScheme } from '../../lib/theme';
import { renderMermaid } from '../../lib/mermaid';
import './lifecycle.css';

type Outcome =
  { readonly key: string; readonly ok: true } | { readonly key: string; readonly ok: false };

/**
 * A lifecycle diagram drawn by mermaid (loaded on first use), inside a labelled figure. While
 * mermaid loads it says so; if drawing fails it shows `fallback` (the transitions as a list)
 * instead of a blank.
 */
export function LifecycleDiagram({
  definition,
  caption,
  fallback,
  compact = false,
}: {
  /** Mermaid text from to-mermaid.ts. */
  definition: string;
  /** The figure's visible caption, which also names it. */
  caption: ReactNode;
  /** What to show when the diagram cannot be drawn: the same information as text. */
  fallback: ReactNode;
  compact?: boolean;
}) {
  const captionId = useId();
  const canvas = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();
  const key = `${scheme}\n${definition}`;
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let cancelled = false;
    renderMermaid(definition, scheme).then(
      (svg) => {
        if (cancelled || !canvas.current) return;
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
  }, [definition, scheme, key]);

  const settled = outcome?.key === key ? outcome : null;
  // While a new drawing is under way (a theme switch, a Run that moved on), keep the last one.
  const showCanvas = outcome?.ok === true;
  const failed = settled?.ok === false;
  return (
    <figure
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
      <div ref={canvas} className="lifecycle-figure__canvas" hidden={!showCanvas || failed} />
      {failed ? (
        <div className="lifecycle-figure__fallback">
          <p>The diagram could not be drawn; here are its transitions as a list.</p>
          {fallback}
        </div>
      ) : null}
    </figure>
  );
}

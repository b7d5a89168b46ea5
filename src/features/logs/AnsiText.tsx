import type { CSSProperties } from 'react';
import { ansiRuns } from './ansi-colors';

/** A line's terminal colours as spans (React elements with classes; never HTML from the text). */
export function AnsiText({ raw }: { readonly raw: string }) {
  return (
    <>
      {ansiRuns(raw).map((run, i) =>
        run.className ? (
          <span key={i} className={run.className} style={run.style as CSSProperties | undefined}>
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

import { LEGEND_WORDS } from './lifecycle-words';

/**
 * What the lines and boxes of the lifecycle diagrams mean, in the words of what is drawn: each
 * sample uses the diagram's own strokes (lifecycle.css), and the words are `LEGEND_WORDS`.
 */
function LineSample({ variant }: { variant: 'solid' | 'dashed' | 'thick' }) {
  return (
    <svg
      className="lifecycle-legend__sample"
      width="40"
      height="12"
      viewBox="0 0 40 12"
      aria-hidden="true"
    >
      <line
        x1="2"
        y1="6"
        x2="32"
        y2="6"
        className={`lifecycle-legend__line lifecycle-legend__line--${variant}`}
      />
      <path d="M32 2 L39 6 L32 10 z" className="lifecycle-legend__head" />
    </svg>
  );
}

function BoxSample({ variant }: { variant: 'current' | 'visited' | 'unvisited' | 'relaunch' }) {
  return (
    <span
      className={`lifecycle-legend__box lifecycle-legend__box--${variant}`}
      aria-hidden="true"
    />
  );
}

export function LifecycleLegend({ forRun = false }: { forRun?: boolean }) {
  const words = LEGEND_WORDS;
  return (
    <ul className="lifecycle-legend" aria-label="Legend">
      <li>
        <LineSample variant="solid" /> {words.solid}
      </li>
      <li>
        <LineSample variant="dashed" /> {words.dashed}
      </li>
      <li>
        <LineSample variant="thick" /> {words.thick}
      </li>
      <li>
        <BoxSample variant="current" /> {forRun ? words.current : words.highlighted}
      </li>
      {forRun ? (
        <>
          <li>
            <BoxSample variant="visited" /> {words.visited}
          </li>
          <li>
            <BoxSample variant="unvisited" /> {words.unvisited}
          </li>
          <li>
            <BoxSample variant="relaunch" /> {words.relaunch}
          </li>
        </>
      ) : (
        <li>
          <BoxSample variant="visited" /> {words.colours}
        </li>
      )}
    </ul>
  );
}

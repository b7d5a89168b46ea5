/** What the lines and boxes of the lifecycle diagrams mean. */
function LineSample({ variant }: { variant: 'solid' | 'dotted' | 'thick' }) {
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
  return (
    <ul className="lifecycle-legend" aria-label="Legend">
      <li>
        <LineSample variant="solid" /> Solid arrow: automatic transition
      </li>
      <li>
        <LineSample variant="dotted" /> Dotted arrow: a user action or an error
      </li>
      <li>
        <LineSample variant="thick" /> Thick arrow: a transition still possible from the current
        state
      </li>
      <li>
        <BoxSample variant="current" />{' '}
        {forRun
          ? 'Highlighted, thick outline, “(current)”: the state the Run is in'
          : 'Highlighted, thick outline: the state you picked above'}
      </li>
      {forRun ? (
        <>
          <li>
            <BoxSample variant="visited" /> With a time: a state the Run passed through
          </li>
          <li>
            <BoxSample variant="unvisited" /> Dashed, faded: not reached
          </li>
          <li>
            <BoxSample variant="relaunch" /> Rounded, dashed: a new Run it can be relaunched as
          </li>
        </>
      ) : (
        <li>
          <BoxSample variant="visited" /> Box colours match the status badges
        </li>
      )}
    </ul>
  );
}

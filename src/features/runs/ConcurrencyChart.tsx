/**
 * Running and Queued Runs over the last 24 hours, with the worker limit (issue 14: "why is
 * everything queued?"), from the concurrency extension (docs/api.md "Concurrency"). An inline SVG:
 * Running as solid bars, Queued stacked on them striped, the limit as a dashed line. The words
 * say it all too: the headline, why Runs wait, a summary for screen readers, and the samples by
 * hour in a table. Loaded on demand (concurrency-chunk.tsx), in the box reserved for it (ConcurrencyBox.tsx).
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { isApiError } from '../../api/errors';
import type { Concurrency } from '../../api/map';
import { ErrorState } from '../../components/ui/ErrorState';
import { formatAbsolute, timeZone } from '../../lib/time';
import { concurrencyQuery } from '../../queries/activity';
import { retryNow, useRetrying } from '../../queries/connection';
import { concurrencyRefetch } from '../../queries/live';
import {
  PLOT_HEIGHT,
  chartGeometry,
  chartSummary,
  headline,
  hourTicks,
  isQuiet,
  queuedBecause,
  samplesByHour,
} from './concurrency';
import { CONCURRENCY_HOURS, ConcurrencyBox, ConcurrencyLoading } from './ConcurrencyBox';

export function ConcurrencyChart() {
  const chart = useQuery({
    ...concurrencyQuery(CONCURRENCY_HOURS),
    refetchInterval: concurrencyRefetch,
  });
  const retrying = useRetrying(chart);

  if (chart.isPending && chart.failureReason === null) return <ConcurrencyLoading />;
  if (notOffered(chart.error)) {
    // An optional endpoint this API does not have: one calm note, not an error that stays.
    return (
      <ConcurrencyBox>
        <p className="concurrency__note muted">This API does not report concurrency.</p>
      </ConcurrencyBox>
    );
  }
  if (chart.isError || chart.data === undefined) {
    return (
      <ConcurrencyBox>
        <ErrorState
          compact
          error={chart.error ?? chart.failureReason}
          title="Running and queued Runs could not be loaded"
          retrying={retrying}
          onRetry={() => {
            retryNow();
            void chart.refetch({ cancelRefetch: false });
          }}
        />
      </ConcurrencyBox>
    );
  }
  return (
    <ConcurrencyBox>
      <ConcurrencyView data={chart.data} />
    </ConcurrencyBox>
  );
}

function ConcurrencyView({ data }: { data: Concurrency }) {
  const because = queuedBecause(data);
  return (
    <>
      <p className="concurrency__headline">{headline(data)}</p>
      {because ? <p className="concurrency__because">{because}</p> : null}
      {isQuiet(data) ? (
        <p className="concurrency__note muted">No Runs in the last {CONCURRENCY_HOURS} hours</p>
      ) : (
        <Plot data={data} />
      )}
    </>
  );
}

function Plot({ data }: { data: Concurrency }) {
  // useId's characters are not all allowed in a url(#…) reference.
  const pattern = `queued-${useId().replace(/[^\w-]/g, '')}`;
  const geometry = chartGeometry(data);
  const ticks = hourTicks(data.samples);
  const rows = samplesByHour(data.samples);
  const limitAt = geometry.limitY === null ? null : (geometry.limitY / PLOT_HEIGHT) * 100;
  return (
    <>
      <ul className="concurrency__legend" aria-hidden>
        <li>
          <span className="concurrency__swatch concurrency__swatch--running" /> Running
        </li>
        <li>
          <span className="concurrency__swatch concurrency__swatch--queued" /> Queued
        </li>
        {data.workerLimit === null ? null : (
          <li>
            <span className="concurrency__swatch concurrency__swatch--limit" /> Worker limit
          </li>
        )}
      </ul>
      <div className="concurrency__plot">
        <svg
          role="img"
          aria-label={chartSummary(data, CONCURRENCY_HOURS)}
          viewBox={`0 0 ${geometry.width} ${PLOT_HEIGHT}`}
          preserveAspectRatio="none"
          width="100%"
          height="100%"
        >
          <defs>
            <pattern id={pattern} patternUnits="userSpaceOnUse" width="1" height="6">
              <rect className="concurrency__queued-bg" width="1" height="6" />
              <rect className="concurrency__queued-stripe" width="1" height="2.5" />
            </pattern>
          </defs>
          {geometry.bars.map((bar) => (
            <g key={bar.sample.time}>
              <title>
                {`${formatAbsolute(bar.sample.time)}: ${bar.sample.running} running, ${bar.sample.queued} queued`}
              </title>
              <rect
                className="concurrency__hit"
                x={bar.x}
                y={0}
                width={bar.width}
                height={PLOT_HEIGHT}
              />
              {bar.runningHeight > 0 ? (
                <rect
                  className="concurrency__running"
                  x={bar.x}
                  y={bar.runningY}
                  width={bar.width}
                  height={bar.runningHeight}
                />
              ) : null}
              {bar.queuedHeight > 0 ? (
                <rect
                  className="concurrency__queued"
                  fill={`url(#${pattern})`}
                  x={bar.x}
                  y={bar.queuedY}
                  width={bar.width}
                  height={bar.queuedHeight}
                />
              ) : null}
            </g>
          ))}
          {geometry.limitY === null ? null : (
            <line
              className="concurrency__limit"
              x1={0}
              x2={geometry.width}
              y1={geometry.limitY}
              y2={geometry.limitY}
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
        {limitAt === null ? null : (
          <span className="concurrency__limit-label" style={{ top: `${limitAt}%` }} aria-hidden>
            Worker limit {data.workerLimit}
          </span>
        )}
      </div>
      <div className="concurrency__axis" aria-hidden>
        {ticks.map((tick) => (
          <span
            key={tick.at}
            className={
              tick.major ? 'concurrency__tick' : 'concurrency__tick concurrency__tick--minor'
            }
            style={{ left: `${tick.at}%` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
      <details className="concurrency__details">
        <summary>Samples by hour</summary>
        <table className="concurrency__table">
          <caption>
            Running and queued in each hour (the most at once), local time ({timeZone()})
          </caption>
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">Running</th>
              <th scope="col">Queued</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.hour}>
                <th scope="row">{row.label}</th>
                <td>{row.running}</td>
                <td>{row.queued}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** The API answered, in its own words, that it has no such endpoint. */
const notOffered = (error: unknown): boolean =>
  isApiError(error) && error.fromApi && [404, 405, 501].includes(error.status);

import { countOf } from '../../lib/plural';
import { formatCount } from '../../lib/time';
import { PAGE_SIZES } from './activity-search';

/** Server-side paging: where we are, previous/next, and the page size. */
export function Pagination({
  page,
  size,
  total,
  shown,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 || shown === 0 ? 0 : (page - 1) * size + 1;
  const last = first === 0 ? 0 : first + shown - 1;
  const sizes: readonly number[] = (PAGE_SIZES as readonly number[]).includes(size)
    ? PAGE_SIZES
    : [...PAGE_SIZES, size].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Pages of Runs">
      <span className="pagination__range">
        {first === 0
          ? countOf(total, 'run')
          : `${formatCount(first)}–${formatCount(last)} of ${countOf(total, 'run')}`}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={page <= 1}
        onClick={() => onPage(Math.min(page - 1, pages))}
      >
        Previous page
      </button>
      <span className="pagination__page">
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
      <label className="pagination__size">
        Rows per page{' '}
        <select value={size} onChange={(event) => onSize(Number(event.target.value))}>
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

import { Link } from '@tanstack/react-router';

/** Two Runs selected in the Activity table: compare them, the older as A. */
export function CompareSelected({ ids }: { ids: readonly number[] }) {
  const [a, b] = [...ids].sort((x, y) => x - y);
  if (ids.length !== 2 || a === undefined || b === undefined) return null;
  return (
    <Link className="button button--small" to="/compare" search={{ a, b }}>
      Compare #{a} with #{b}
    </Link>
  );
}

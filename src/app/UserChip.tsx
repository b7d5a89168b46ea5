import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../queries/platform';

/** Who is acting: email and role, so the visible actions make sense. */
export function UserChip() {
  const me = useQuery(meQuery());
  // Its place is kept while the answer is on its way, so nothing moves when it arrives.
  if (!me.data) return <span className="user-chip user-chip--pending" aria-hidden="true" />;
  return (
    <span className="user-chip" title="The acting user">
      <span className="visually-hidden">Signed in as </span>
      {me.data.email} <span className="muted">({me.data.role})</span>
    </span>
  );
}

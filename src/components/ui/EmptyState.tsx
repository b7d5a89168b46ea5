import type { ReactNode } from 'react';

/** Nothing to show, said plainly, with an optional way out. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty" role="status">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

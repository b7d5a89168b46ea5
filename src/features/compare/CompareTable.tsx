import type { ReactNode } from 'react';

export interface CompareRow {
  readonly key: string;
  readonly label: string;
  readonly a: ReactNode;
  readonly b: ReactNode;
  /** B against A in words ("+12"), when the table has a Change column. */
  readonly change?: string;
  /** Marked in words ("Differs") and with a border, never by colour alone. */
  readonly differs: boolean;
}

/** One fact per row, Run A and Run B side by side; the rows that differ say so. */
export function CompareTable({
  caption,
  a,
  b,
  rows,
  withChange = false,
}: {
  caption: string;
  a: number;
  b: number;
  rows: readonly CompareRow[];
  withChange?: boolean;
}) {
  return (
    <table className="table compare-table">
      <caption className="visually-hidden">{`${caption} of Run #${a} and Run #${b}`}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Fact</span>
          </th>
          <th scope="col">Run #{a}</th>
          <th scope="col">Run #{b}</th>
          {withChange ? <th scope="col">Change</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.differs ? 'compare-table__differs' : undefined}>
            <th scope="row">
              {row.label}
              {row.differs ? <DiffersMark /> : null}
            </th>
            <td>{row.a}</td>
            <td>{row.b}</td>
            {withChange ? <td className="compare-table__change">{row.change ?? '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const DiffersMark = () => <span className="compare__differs">Differs</span>;

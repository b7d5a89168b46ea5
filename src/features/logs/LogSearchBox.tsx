import type { KeyboardEvent } from 'react';
import { useId } from 'react';
import { matchStatus } from './log-search';

export interface LogSearchBoxProps {
  /** The search as typed. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A search is in force (the deferred one): the match status is shown. */
  readonly searching: boolean;
  /** The server is still searching the lines not held yet. */
  readonly pending: boolean;
  readonly currentMatch: number;
  readonly matchCount: number;
  /** To the next (1) or previous (-1) match; also Enter and Shift+Enter in the box. */
  readonly onStep: (delta: number) => void;
}

/** Search over every line held, with "n of m" and previous/next. */
export function LogSearchBox({
  value,
  onChange,
  searching,
  pending,
  currentMatch,
  matchCount,
  onStep,
}: LogSearchBoxProps) {
  const id = `${useId()}-search`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    }
  };
  return (
    <div className="log__search" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search the log
      </label>
      <input
        id={id}
        type="search"
        placeholder="Search the log"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {/* A status, so "3 of 20" is read out as it changes (politely). */}
      <span className="log__matches" role="status">
        {pending ? 'Searching…' : matchStatus(searching, currentMatch, matchCount)}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => onStep(-1)}
        disabled={!matchCount}
        aria-label="Previous match"
      >
        Previous
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => onStep(1)}
        disabled={!matchCount}
        aria-label="Next match"
      >
        Next
      </button>
    </div>
  );
}

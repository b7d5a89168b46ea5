/**
 * The Runs list by keyboard: one active row (the table's one tab stop), moved with j/k or the arrow
 * keys; Enter expands or collapses it, o opens its page, w watches it, Escape collapses it.
 */
import { useNavigate } from '@tanstack/react-router';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import type { Run } from '../../domain/run';
import { useShortcuts } from '../../lib/shortcuts';

export function useRunsKeyboard(
  runs: readonly Run[],
  expanded: readonly number[],
  onExpandedChange: (expanded: number[]) => void,
) {
  const navigate = useNavigate();
  const frameRef = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  // The active row: the one last moved to or focused, while it is on the page; else the first.
  const activeId = runs.some((r) => r.id === chosen) ? chosen : (runs[0]?.id ?? null);

  const focusRow = (id: number) => {
    setChosen(id);
    // After the render that gives that row the tab stop.
    requestAnimationFrame(() =>
      frameRef.current
        ?.querySelector<HTMLElement>(`tr[data-run-id="${id}"] [data-run-link]`)
        ?.focus(),
    );
  };
  const move = (by: number) => {
    const index = runs.findIndex((r) => r.id === activeId);
    const target = runs[Math.min(runs.length - 1, Math.max(0, index + by))];
    if (target) focusRow(target.id);
  };
  const toggle = () => {
    if (activeId === null) return;
    onExpandedChange(
      expanded.includes(activeId)
        ? expanded.filter((id) => id !== activeId)
        : [...expanded, activeId],
    );
  };

  useShortcuts({
    j: (event) => {
      event.preventDefault();
      move(1);
    },
    k: (event) => {
      event.preventDefault();
      move(-1);
    },
    o: (event) => {
      if (activeId === null) return;
      event.preventDefault();
      void navigate({ to: '/runs/$runId', params: { runId: activeId } });
    },
    // The row's own bell (a route's slot), so the key does exactly what a click on it does.
    w: (event) => {
      const bell = frameRef.current?.querySelector<HTMLButtonElement>(
        `tr[data-run-id="${activeId}"] [data-watch-toggle]`,
      );
      if (!bell) return;
      event.preventDefault();
      bell.click();
    },
    Enter: (event) => {
      event.preventDefault();
      toggle();
    },
    Escape: (event) => {
      if (activeId === null || !expanded.includes(activeId)) return;
      event.preventDefault();
      onExpandedChange(expanded.filter((id) => id !== activeId));
    },
  });

  /** Arrow keys move between rows while focus is in a row (not inside an open Run's details). */
  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (!(event.target instanceof HTMLElement) || !event.target.closest('.runs-table__row')) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return { frameRef, activeId, setActive: setChosen, onKeyDown };
}

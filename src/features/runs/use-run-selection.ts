/**
 * The Runs the person selected on the Activity page: some of this page, the whole page, or every
 * Run matching the filters. A selection belongs to one list query: another filter, sort or page
 * starts afresh.
 */
import { useState } from 'react';
import type { Run } from '../../domain/run';

interface SelectionState {
  readonly key: string;
  readonly ids: ReadonlySet<number>;
  readonly allMatching: boolean;
}

const NONE: ReadonlySet<number> = new Set();

export function useRunSelection(queryKey: string, runs: readonly Run[]) {
  const [state, setState] = useState<SelectionState>({
    key: queryKey,
    ids: NONE,
    allMatching: false,
  });
  const current = state.key === queryKey ? state : null;
  const selectedIds: ReadonlySet<number> = new Set(
    runs.filter((r) => current?.ids.has(r.id)).map((r) => r.id),
  );
  const allMatching =
    (current?.allMatching ?? false) && selectedIds.size === runs.length && runs.length > 0;
  return {
    selectedIds,
    selectedRuns: runs.filter((r) => selectedIds.has(r.id)),
    allMatching,
    wholePage: selectedIds.size > 0 && selectedIds.size === runs.length,
    setSelected: (ids: ReadonlySet<number>) => setState({ key: queryKey, ids, allMatching: false }),
    selectAllMatching: () => setState({ key: queryKey, ids: selectedIds, allMatching: true }),
    clear: () => setState({ key: queryKey, ids: NONE, allMatching: false }),
  };
}

/** A Run's Resume/Rerun lineage in words: "Resumed from #N", "Rerun as #M". */
import { assertNever } from './assert-never';
import type { Run } from './run';

export interface LineageLink {
  readonly id: number;
  readonly text: string;
}

type Relaunch = NonNullable<Run['relaunch']>;

const parentText = (relaunch: Relaunch | null): string => {
  if (relaunch === null) return 'Created from';
  switch (relaunch) {
    case 'resume':
      return 'Resumed from';
    case 'rerun':
      return 'Rerun of';
    default:
      return assertNever(relaunch, 'relaunch');
  }
};

const childText = (relaunch: Relaunch): string => {
  switch (relaunch) {
    case 'resume':
      return 'Resumed as';
    case 'rerun':
      return 'Rerun as';
    default:
      return assertNever(relaunch, 'relaunch');
  }
};

export function lineageOf(run: Pick<Run, 'parentId' | 'relaunch' | 'children'>): {
  readonly parent: LineageLink | null;
  /** Null when the server does not say which Runs were created from this one. */
  readonly children: readonly LineageLink[] | null;
} {
  return {
    parent: run.parentId === null ? null : { id: run.parentId, text: parentText(run.relaunch) },
    children:
      run.children === null
        ? null
        : [...run.children]
            .sort((a, b) => a.id - b.id)
            .map((child) => ({ id: child.id, text: childText(child.relaunch) })),
  };
}

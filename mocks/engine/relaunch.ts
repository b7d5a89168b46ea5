import type { SimContainer } from '../db/catalog';
import type { SimRun } from './run-model';

/**
 * What a Resume or Rerun of `parent` works through: Resume picks up the containers the parent did
 * not complete successfully (in order); Rerun does every container again.
 */
export function relaunchContainers(
  parent: SimRun,
  kind: 'resume' | 'rerun',
): readonly SimContainer[] {
  if (kind === 'rerun') return parent.containers;
  const completed = new Set(parent.completed);
  return parent.containers.filter((c) => !completed.has(c.id));
}

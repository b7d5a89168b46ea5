/**
 * What the Activity table hands a bulk action bar: the contract between two features (the table
 * selects, the actions act), kept here because features never import each other.
 */
import type { ListRunsQuery } from '../api/contract';
import type { Run } from '../domain/run';

export interface BulkSelection {
  /** The selected Runs on this page (all of them when `allMatching`). */
  readonly runs: readonly Run[];
  /** The person chose every Run matching the filters, beyond this page: `total` of them. */
  readonly allMatching: boolean;
  /** The list query of the view (filters, sort, and this page); page through it for all matching. */
  readonly query: ListRunsQuery;
  /** How many Runs match the filters. */
  readonly total: number;
  readonly clear: () => void;
}

import { assertNever } from './assert-never';

/** Operation types: API value → label (SPEC §1). Sync keeps the API value `catalog`. */
export const OPERATION_TYPES = [
  'catalog',
  'profile',
  'scan',
  'external_scan',
  'export',
  'materialize',
  'promote',
] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

export function isOperationType(value: string): value is OperationType {
  return (OPERATION_TYPES as readonly string[]).includes(value);
}

/** Other names servers use for a type: newer clients of the platform send `sync` for Sync. */
const ALIASES: Readonly<Record<string, OperationType>> = { sync: 'catalog' };

/** The operation type a server's value names, or null when this dashboard does not know it. */
export function operationTypeOf(value: string): OperationType | null {
  if (isOperationType(value)) return value;
  return ALIASES[value] ?? null;
}

export interface OperationInfo {
  readonly type: OperationType;
  readonly label: string;
  /** Unit word for the things the Run works through, plural and singular. */
  readonly unit: string;
  readonly unitSingular: string;
  /** Profile and Scan track a state per container (SPEC §1.3). */
  readonly hasContainerProgress: boolean;
  /** Promote is created directly in Running (SPEC §1.1). */
  readonly startsQueued: boolean;
  readonly canResume: boolean;
  readonly canRerun: boolean;
}

export function operationInfo(type: OperationType): OperationInfo {
  switch (type) {
    case 'catalog':
      return info(type, 'Sync', 'Containers', 'Container', { resume: false, rerun: true });
    case 'profile':
      return info(type, 'Profile', 'Tables', 'Table', {
        resume: true,
        rerun: true,
        perContainer: true,
      });
    case 'scan':
      return info(type, 'Scan', 'Tables', 'Table', {
        resume: true,
        rerun: true,
        perContainer: true,
      });
    case 'external_scan':
      return info(type, 'External Scan', 'Tables', 'Table', { resume: false, rerun: false });
    case 'export':
      return info(type, 'Export', 'Tables', 'Table', { resume: false, rerun: true });
    case 'materialize':
      return info(type, 'Materialize', 'Computed Tables', 'Computed Table', {
        resume: false,
        rerun: true,
      });
    case 'promote':
      return info(type, 'Promote', 'Entities', 'Entity', {
        resume: true,
        rerun: true,
        startsQueued: false,
      });
    default:
      return assertNever(type, 'operation type');
  }
}

function info(
  type: OperationType,
  label: string,
  unit: string,
  unitSingular: string,
  flags: { resume: boolean; rerun: boolean; perContainer?: boolean; startsQueued?: boolean },
): OperationInfo {
  return {
    type,
    label,
    unit,
    unitSingular,
    hasContainerProgress: flags.perContainer ?? false,
    startsQueued: flags.startsQueued ?? true,
    canResume: flags.resume,
    canRerun: flags.rerun,
  };
}

export const operationLabel = (type: OperationType): string => operationInfo(type).label;

/** "4 / 14 Tables", "1 / 1 Table". */
export function progressText(type: OperationType, processed: number, total: number): string {
  const { unit, unitSingular } = operationInfo(type);
  return `${processed} / ${total} ${total === 1 ? unitSingular : unit}`;
}

/** "9 remaining tables", "1 remaining entity". */
export function remainingText(type: OperationType, remaining: number): string {
  const { unit, unitSingular } = operationInfo(type);
  return `${remaining} remaining ${(remaining === 1 ? unitSingular : unit).toLowerCase()}`;
}

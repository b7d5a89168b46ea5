import type { OperationType } from '../../src/domain/operations';

/** The simulated platform's datastores and what they contain. Fixed, so every seed shares it. */
export interface SimContainer {
  readonly id: number;
  readonly name: string;
  readonly containerType: 'table' | 'view' | 'file' | 'computed_table' | 'computed_field' | 'check';
  readonly tableType: string | null;
}

export interface SimDatastore {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  /** Tables, views or file patterns. */
  readonly containers: readonly SimContainer[];
  /** Computed tables, worked through by Materialize. */
  readonly computed: readonly SimContainer[];
  /** Checks and computed assets, worked through by Promote. */
  readonly entities: readonly SimContainer[];
}

const TABLES = [
  'orders',
  'order_items',
  'customers',
  'customer_addresses',
  'payments',
  'refunds',
  'invoices',
  'products',
  'product_prices',
  'inventory',
  'shipments',
  'suppliers',
  'warehouses',
  'returns',
  'web_sessions',
  'page_views',
  'campaigns',
  'ad_clicks',
  'employees',
  'payroll',
  'ledger_entries',
  'fx_rates',
  'tax_codes',
  'support_tickets',
];
const FILES = [
  'landing/orders/*.parquet',
  'landing/customers/*.csv',
  'raw/events/date=*/*.json',
  'raw/clickstream/*.avro',
  'exports/finance/*.csv',
  'archive/ledger/*.parquet',
  'partner/feeds/*.xml',
  'iot/telemetry/*.json',
];

interface DatastoreSpec {
  readonly name: string;
  readonly type: string;
  readonly files: boolean;
  readonly tableCount: number;
}

const SPECS: readonly DatastoreSpec[] = [
  { name: 'Sales Warehouse', type: 'Snowflake', files: false, tableCount: 14 },
  { name: 'Customer 360', type: 'PostgreSQL', files: false, tableCount: 9 },
  { name: 'Finance Lake', type: 'Amazon S3', files: true, tableCount: 6 },
  { name: 'Marketing Analytics', type: 'BigQuery', files: false, tableCount: 11 },
  { name: 'Operations DB', type: 'MySQL', files: false, tableCount: 7 },
  { name: 'Event Stream Archive', type: 'Google Cloud Storage', files: true, tableCount: 8 },
];

function build(): SimDatastore[] {
  let nextId = 1000;
  return SPECS.map((spec, index) => {
    const names = spec.files ? FILES : TABLES;
    const containers: SimContainer[] = [];
    for (let i = 0; i < spec.tableCount; i++) {
      const name = names[(i * 5 + index * 3) % names.length] as string;
      containers.push({
        id: nextId++,
        name: containers.some((c) => c.name === name) ? `${name}_${i}` : name,
        containerType: spec.files ? 'file' : i % 6 === 5 ? 'view' : 'table',
        tableType: spec.files ? null : i % 6 === 5 ? 'VIEW' : 'TABLE',
      });
    }
    const computed: SimContainer[] = [0, 1, 2, 3, 4].map((i) => ({
      id: nextId++,
      name: `computed_${(containers[i]?.name ?? 'table').replace(/[^a-z_]/g, '')}_daily`,
      containerType: 'computed_table' as const,
      tableType: 'COMPUTED',
    }));
    const entities: SimContainer[] = [
      ...[0, 1, 2, 3].map((i) => ({
        id: nextId++,
        name: `check: ${containers[i]?.name ?? 'table'} not null keys`,
        containerType: 'check' as const,
        tableType: null,
      })),
      ...computed.slice(0, 2).map((c) => ({ ...c, id: nextId++ })),
      {
        id: nextId++,
        name: `computed field: ${containers[0]?.name ?? 'table'}.net_amount`,
        containerType: 'computed_field' as const,
        tableType: null,
      },
    ];
    return { id: index + 1, name: spec.name, type: spec.type, containers, computed, entities };
  });
}

export const DATASTORES: readonly SimDatastore[] = build();

export function datastoreById(id: number): SimDatastore | undefined {
  return DATASTORES.find((d) => d.id === id);
}

export interface SimSchedule {
  readonly id: number;
  readonly name: string;
}

/** Each type's schedules, named for what they launch (a Scan is never on "Nightly profile"). */
const SCHEDULES_BY_TYPE: Readonly<Record<OperationType, readonly SimSchedule[]>> = {
  catalog: [
    { id: 3, name: 'Weekly catalog sync' },
    { id: 5, name: 'Daily catalog sync' },
  ],
  profile: [
    { id: 1, name: 'Nightly profile' },
    { id: 6, name: 'Weekly full profile' },
  ],
  scan: [
    { id: 2, name: 'Hourly incremental scan' },
    { id: 7, name: 'Nightly full scan' },
  ],
  external_scan: [{ id: 8, name: 'Hourly external scan' }],
  export: [{ id: 4, name: 'Daily export to enrichment' }],
  materialize: [{ id: 9, name: 'Nightly materialize' }],
  promote: [{ id: 10, name: 'Weekly promote to production' }],
};

/** How many schedule variants a seed picks among (any number: each type wraps around its own). */
export const SCHEDULE_VARIANTS = 4;

/** The schedule of a type that fired a Run: variant `n` of its own (wrapping). */
export function scheduleFor(type: OperationType, variant = 0): SimSchedule {
  const own = SCHEDULES_BY_TYPE[type];
  const schedule = own[variant % own.length];
  if (!schedule) throw new Error(`no schedule for ${type}`);
  return schedule;
}

export const USERS = [
  'ada@example.com',
  'grace@example.com',
  'linus@example.com',
  'margaret@example.com',
] as const;

/** What a Run of this type works through on the datastore. */
export function workItems(type: OperationType, datastore: SimDatastore): readonly SimContainer[] {
  if (type === 'materialize') return datastore.computed;
  if (type === 'promote') return datastore.entities;
  return datastore.containers;
}

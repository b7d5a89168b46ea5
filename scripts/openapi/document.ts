/**
 * The OpenAPI 3.1 document of the API (SPEC §3 and the §3.1 extensions, docs/api.md), generated
 * from the contract's own zod schemas (src/api/contract.ts), the ones the client validates every
 * answer with: `npm run openapi` writes it to docs/openapi.json, and a test keeps that file current.
 */
import { z } from 'zod/mini';
import {
  activitySchema,
  concurrencySchema,
  datastoreSchema,
  errorBodySchema,
  FAULT_MODES,
  IDEMPOTENCY_KEY_HEADER,
  launchBodySchema,
  LOG_PAGE_LIMIT,
  logCompleteSchema,
  logEntrySchema,
  logPageSchema,
  logSearchSchema,
  MAX_LOG_LIMIT,
  MAX_LOG_TAIL,
  MAX_PAGE_SIZE,
  operationTypeSchema,
  runDeletedSchema,
  runPageSchema,
  runResultSchema,
  runWireSchema,
  SCENARIOS,
  simClockBodySchema,
  simClockSchema,
  simFaultsBodySchema,
  simResetBodySchema,
  simUserBodySchema,
  SORT_ORDERS,
  userSchema,
} from '../../src/api/contract';
import type { Operation } from './paths';
import { paths } from './paths';

type Json = Record<string, unknown>;

/** The named schemas: each becomes components.schemas.<name>, referenced where it is used. */
const NAMED = {
  Run: runWireSchema,
  RunPage: runPageSchema,
  LogEntry: logEntrySchema,
  LogPage: logPageSchema,
  LogSearch: logSearchSchema,
  LogComplete: logCompleteSchema,
  RunDeleted: runDeletedSchema,
  Activity: activitySchema,
  Concurrency: concurrencySchema,
  Datastore: datastoreSchema,
  Datastores: z.array(datastoreSchema),
  User: userSchema,
  LaunchBody: launchBodySchema,
  Error: errorBodySchema,
  SimReset: simResetBodySchema,
  SimClockBody: simClockBodySchema,
  SimClock: simClockSchema,
  SimUserBody: simUserBodySchema,
  SimFaults: simFaultsBodySchema,
} as const;
export type SchemaName = keyof typeof NAMED;

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(NAMED)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const rest: Json = { ...schema };
      delete rest.$schema;
      delete rest.$id;
      return [name, rest];
    }),
  );
}

const enumOf = (schema: { options: readonly string[] }) => [...schema.options];

/** The building blocks paths.ts names its parameters and answers with. */
export const blocks = {
  ref: (name: SchemaName): Json => ({ $ref: `#/components/schemas/${name}` }),
  operationTypes: enumOf(operationTypeSchema),
  results: enumOf(runResultSchema),
  sortOrders: [...SORT_ORDERS],
  scenarios: [...SCENARIOS],
  faultModes: [...FAULT_MODES],
  maxPageSize: MAX_PAGE_SIZE,
  logPageLimit: LOG_PAGE_LIMIT,
  maxLogLimit: MAX_LOG_LIMIT,
  maxLogTail: MAX_LOG_TAIL,
  idempotencyHeader: IDEMPOTENCY_KEY_HEADER,
};

const ERRORS: Record<string, string> = {
  '400': 'Bad query or body',
  '403': 'Not permitted',
  '404': 'Unknown or deleted Run',
  '409': "Not valid in the Run's current state",
};

function withErrors(operation: Operation): Json {
  const responses: Json = { ...operation.responses };
  for (const status of operation.errors ?? []) {
    responses[status] = {
      description: ERRORS[status] ?? 'Error',
      content: { 'application/json': { schema: blocks.ref('Error') } },
    };
  }
  responses['5XX'] = {
    description: 'Server error (429 and 503 with Retry-After when busy)',
    content: { 'application/json': { schema: blocks.ref('Error') } },
  };
  const rest: Json = { ...operation };
  delete rest.errors;
  return { ...rest, responses };
}

export function openApiDocument(): Json {
  const built: Record<string, Json> = {};
  for (const [path, methods] of Object.entries(paths(blocks))) {
    built[path] = Object.fromEntries(
      Object.entries(methods).map(([method, operation]) => [method, withErrors(operation)]),
    );
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Runs Activity API',
      version: '1.0.0',
      description:
        'The API the Runs Activity dashboard speaks (SPEC §3; docs/api.md). Operations tagged `extension` are this project’s own (SPEC §3.1): a server may leave them out and the dashboard falls back. Operations tagged `simulator` exist only when the simulator is on. Generated from src/api/contract.ts by `npm run openapi`; objects accept unknown fields.',
    },
    servers: [{ url: '/api', description: 'The default base, on the dashboard’s own origin' }],
    tags: [
      { name: 'runs', description: 'SPEC §3' },
      { name: 'logs', description: 'SPEC §3 and §3.1' },
      { name: 'extension', description: 'Optional for a server (SPEC §3.1)' },
      { name: 'simulator', description: 'The simulator’s control surface (SPEC §6)' },
    ],
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{}, { bearer: [] }],
    paths: built,
  };
}

/** The document as `npm run openapi` writes it (stable key order, two-space indent). */
export const openApiText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

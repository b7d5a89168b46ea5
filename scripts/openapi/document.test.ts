/** docs/openapi.json is the document the contract generates today (`npm run openapi`). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { openApiDocument, openApiText } from './document';

test('docs/openapi.json is current: run `npm run openapi` after changing the contract', () => {
  const committed = readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
  expect(committed).toBe(openApiText());
});

test('it covers SPEC §3 and the §3.1 extensions, streams included, with every reference defined', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };
  expect(doc.openapi).toBe('3.1.0');
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(operations).toEqual(
    expect.arrayContaining([
      'GET /operations',
      'GET /operations/{id}',
      'DELETE /operations/{id}',
      'PUT /operations/abort/{id}',
      'PUT /operations/resume/{id}',
      'PUT /operations/rerun/{id}',
      'GET /operations/{id}/logs',
      'GET /operations/{id}/logs/stream',
      'GET /operations/stream',
      'GET /operations/activity',
      'GET /operations/concurrency',
      'POST /operations/run',
      'GET /datastores',
      'GET /users/me',
    ]),
  );
  const text = JSON.stringify(doc);
  const refs = new Set([...text.matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]));
  for (const name of refs)
    expect(doc.components.schemas, String(name)).toHaveProperty(String(name));
  // The Run's fields, extensions included, come from the contract's schema.
  const run = doc.components.schemas.Run as {
    properties: Record<string, unknown>;
    required: string[];
  };
  expect(Object.keys(run.properties)).toEqual(
    expect.arrayContaining(['id', 'type', 'result', 'status', 'has_logs', 'queue_position']),
  );
  expect(run.required).not.toContain('has_logs');
});

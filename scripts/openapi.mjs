#!/usr/bin/env node
/**
 * `npm run openapi`: writes docs/openapi.json, the OpenAPI 3.1 document generated from the
 * contract's zod schemas (scripts/openapi/document.ts). `npm run openapi -- --check` only says
 * whether the committed file is current (exit 1 when not); a test does the same in CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const FILE = resolve(import.meta.dirname, '../docs/openapi.json');
const { module } = await runnerImport(resolve(import.meta.dirname, 'openapi/document.ts'), {
  configFile: false,
  logLevel: 'warn',
});
const text = module.openApiText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // missing: not current
  }
  if (current !== text) {
    console.error('docs/openapi.json is not current: run `npm run openapi` and commit it');
    process.exit(1);
  }
  console.log('docs/openapi.json is current');
} else {
  writeFileSync(FILE, text);
  console.log(
    `wrote docs/openapi.json (${Object.keys(module.openApiDocument().paths).length} paths)`,
  );
}

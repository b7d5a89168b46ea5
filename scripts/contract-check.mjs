#!/usr/bin/env node
/**
 * `npm run contract:check -- <baseUrl>`: checks a running API against the contract (SPEC §3,
 * §3.1) with read-only requests and prints a table of what passes (scripts/contract-check/).
 * Exit code 1 when a SPEC §3 check fails, 2 for a bad argument; absent extensions are reported.
 *
 *   npm run demo &   npm run contract:check -- http://localhost:4173/api
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport(resolve(import.meta.dirname, 'contract-check/run.ts'), {
  configFile: false,
  logLevel: 'warn',
});
process.exitCode = await module.main(process.argv.slice(2));

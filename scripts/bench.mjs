#!/usr/bin/env node
/**
 * `npm run bench`: builds the dashboard and prints figures. Sections:
 *   - bundle sizes (entry and total JS, with and without the simulator)
 *   - the log viewer in Chromium on huge-log (scripts/bench/logs.mjs)
 * Later sections (Chromium timings) are added as scripts/bench/*.mjs modules.
 */
import { execSync } from 'node:child_process';
import { benchLogs } from './bench/logs.mjs';
import { reportSizes } from './bench/sizes.mjs';

const run = (cmd) => execSync(cmd, { stdio: ['ignore', 'ignore', 'inherit'] });

console.log('# Runs Activity benchmark');
console.log(`node ${process.version}, ${new Date().toISOString()}`);
run('npx vite build');
run('npx vite build --mode sim --outDir dist-sim');
const sizes = reportSizes('dist', 'dist-sim');
if (sizes.leaks > 0) process.exitCode = 1;

const logs = await benchLogs();
// Machine-independent promises of the log viewer: virtualized, and no re-render of shown rows.
if (logs.domLines > 300 || logs.rerendered > 0) process.exitCode = 1;

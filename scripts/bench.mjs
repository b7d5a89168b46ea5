#!/usr/bin/env node
/**
 * `npm run bench`: builds the dashboard and prints figures. Sections:
 *   - bundle sizes (entry and total JS, with and without the simulator) (sizes.mjs)
 *   - the first lifecycle diagram: JS it loads and time to its SVG, in Chromium (diagram.mjs)
 *   - the Activity table in Chromium: time to first rows for `default` and `busy`, their ratio,
 *     and the time to re-render after a filter change (table.mjs)
 *   - the log viewer in Chromium on huge-log (logs.mjs)
 *   - the first view under mobile conditions against a bare React + Query + Router shell
 *     (first-view.mjs; with Lighthouse's score when it is installed)
 *   - the soak: Activity and a streaming Run page against the flaky demo server (soak.mjs)
 */
import { execSync } from 'node:child_process';
import { reportFirstDiagram } from './bench/diagram.mjs';
import { benchFirstView } from './bench/first-view.mjs';
import { benchLogs } from './bench/logs.mjs';
import { benchSoak } from './bench/soak.mjs';
import { reportSizes } from './bench/sizes.mjs';
import { reportTable } from './bench/table.mjs';

const run = (cmd) => execSync(cmd, { stdio: ['ignore', 'ignore', 'inherit'] });

console.log('# Runs Activity benchmark');
console.log(`node ${process.version}, ${new Date().toISOString()}`);
run('npx vite build');
run('npx vite build --mode sim --outDir dist-sim');
const sizes = reportSizes('dist', 'dist-sim');
if (sizes.leaks > 0) process.exitCode = 1;
const diagram = await reportFirstDiagram('dist', sizes.prod);
if (diagram.entryWithMermaid > 0 || !diagram.mermaidFetched) process.exitCode = 1;
await reportTable('dist-sim');
const logs = await benchLogs();
// Machine-independent promises of the log viewer: virtualized, and no re-render of shown rows.
if (logs.domLines > 300 || logs.rerendered > 0) process.exitCode = 1;
await benchFirstView({ build: false });
await benchSoak();

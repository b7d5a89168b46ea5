import { expect, test } from 'vitest';
import { makeRun as baseRun } from '../../../test/run-fixture';
import type { Run } from '../../domain/run';
import { mermaidLabel } from './flowchart-text';
import { lifecycleDiagram, runDiagram } from './to-mermaid';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const MIN = 60_000;

/** A deterministic formatter: "HH:MM" in UTC. */
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

function makeRun(overrides: Partial<Run>): Run {
  return baseRun({
    id: 56,
    createdAt: T0,
    startedAt: T0 + 2 * MIN,
    abortedBy: undefined,
    ...overrides,
  });
}

test('the general lifecycle: Queued first, solid automatic and dotted user/error edges, all labelled', () => {
  expect(lifecycleDiagram('scan', { title: 'Run lifecycle: general', unit: 'container' }))
    .toMatchInlineSnapshot(`
    "flowchart LR
      accTitle: Run lifecycle: general
      accDescr: A new Run starts in Queued. From Queued: to Running (automatic: worker picks it up); to Aborted (user action: user aborts). From Running: to Success (automatic: every container processed); to Failure (error: unrecoverable error); to Aborted (user action: user or system aborts). Success, Failure, Aborted are final.
      start@{ shape: sm-circ }
      queued["Queued"]
      running["Running"]
      success["Success"]
      failure["Failure"]
      aborted["Aborted"]
      start edge_start_queued@-->|"created"| queued
      queued edge_queued_running@-->|"worker picks<br/>it up"| running
      queued edge_queued_aborted@-.->|"user aborts"| aborted
      running edge_running_success@-->|"every container<br/>processed"| success
      running edge_running_failure@-.->|"unrecoverable<br/>error"| failure
      running edge_running_aborted@-.->|"user or system<br/>aborts"| aborted
      class queued tone_neutral
      class running tone_warning
      class success tone_success
      class failure,aborted tone_danger
    "
  `);
});

test("Promote's lifecycle starts in Running and has no Queued", () => {
  const text = lifecycleDiagram('promote');
  expect(text).toMatchInlineSnapshot(`
    "flowchart LR
      accTitle: Lifecycle of Promote runs
      accDescr: A new Run starts in Running. From Running: to Success (automatic: every entity processed); to Failure (error: unrecoverable error); to Aborted (user action: user or system aborts). Success, Failure, Aborted are final.
      start@{ shape: sm-circ }
      running["Running"]
      success["Success"]
      failure["Failure"]
      aborted["Aborted"]
      start edge_start_running@-->|"created"| running
      running edge_running_success@-->|"every entity<br/>processed"| success
      running edge_running_failure@-.->|"unrecoverable<br/>error"| failure
      running edge_running_aborted@-.->|"user or system<br/>aborts"| aborted
      class running tone_warning
      class success tone_success
      class failure,aborted tone_danger
    "
  `);
  expect(text).not.toMatch(/queued/i);
});

test('every type but Promote draws the general lifecycle', () => {
  // Drawn for all of them at once, the labels use the general word, "container".
  const general = lifecycleDiagram('scan', { title: 'x', unit: 'container' });
  expect(general).toContain('running edge_running_success@-->|"every container<br/>processed"|');
  for (const type of ['catalog', 'profile', 'external_scan', 'export', 'materialize'] as const) {
    expect(lifecycleDiagram(type, { title: 'x', unit: 'container' })).toBe(general);
  }
});

test("each type's own lifecycle names its unit of work on the edge into Success", () => {
  const intoSuccess = (type: Run['type']) =>
    /running edge_running_success@-->\|"(.*)"\| success/.exec(lifecycleDiagram(type))?.[1];
  expect(intoSuccess('promote')).toBe('every entity<br/>processed');
  expect(intoSuccess('scan')).toBe('every table<br/>processed');
  expect(intoSuccess('catalog')).toBe('every container<br/>processed');
  expect(intoSuccess('materialize')).toBe('every computed<br/>table processed');
  // And so does a Run's diagram, in both directions.
  const promote = makeRun({ id: 61, type: 'promote', state: 'running' });
  expect(runDiagram(promote, hhmm)).toContain('|"every entity<br/>processed"| success');
  expect(runDiagram(promote, hhmm, 'narrow')).toContain(
    '|"every<br/>entity<br/>processed"| success',
  );
});

test('top to bottom, for narrower boxes: the same diagram, for phones its labels on shorter lines', () => {
  const wide = lifecycleDiagram('scan', { highlight: 'running', title: 'x' });
  const tall = lifecycleDiagram('scan', { highlight: 'running', title: 'x', layout: 'tall' });
  const narrow = lifecycleDiagram('scan', { highlight: 'running', title: 'x', layout: 'narrow' });
  expect(tall.split('\n')[0]).toBe('flowchart TB');
  expect(tall).toContain('|"user or system<br/>aborts"|');
  expect(tall).toContain('|"every table<br/>processed"|');
  expect(narrow.split('\n')[0]).toBe('flowchart TB');
  expect(narrow).toContain('|"every<br/>table<br/>processed"|');
  expect(narrow).toContain('|"user or<br/>system<br/>aborts"|');
  expect(narrow).toContain('|"worker<br/>picks<br/>it up"|');
  // Everything but the direction and the line breaks is the same.
  const plain = (text: string) => text.replace(/^flowchart \w+/, '').replace(/<br\/>/g, ' ');
  expect(plain(narrow)).toBe(plain(wide));
  expect(plain(tall)).toBe(plain(wide));
  const run = makeRun({ state: 'failure', endedAt: T0 + 30 * MIN });
  expect(runDiagram(run, hhmm, 'narrow')).toContain(
    '  failure["Failure (current)<br/>ended<br/>09:30"]',
  );
  expect(runDiagram(run, hhmm, 'narrow')).toContain('|"Resume or<br/>Rerun"| relaunch');
});

test('a highlighted state is marked and the transitions possible from it emphasised', () => {
  expect(lifecycleDiagram('scan', { highlight: 'queued', title: 'x' })).toMatchInlineSnapshot(`
    "flowchart LR
      accTitle: x
      accDescr: A new Run starts in Queued. From Queued: to Running (automatic: worker picks it up); to Aborted (user action: user aborts). From Running: to Success (automatic: every table processed); to Failure (error: unrecoverable error); to Aborted (user action: user or system aborts). Success, Failure, Aborted are final. Highlighted: Queued; the transitions possible from it are drawn thicker.
      start@{ shape: sm-circ }
      queued["Queued (highlighted)"]
      running["Running"]
      success["Success"]
      failure["Failure"]
      aborted["Aborted"]
      start edge_start_queued@-->|"created"| queued
      queued next_queued_running@-->|"worker picks<br/>it up"| running
      queued next_queued_aborted@-.->|"user aborts"| aborted
      running edge_running_success@-->|"every table<br/>processed"| success
      running edge_running_failure@-.->|"unrecoverable<br/>error"| failure
      running edge_running_aborted@-.->|"user or system<br/>aborts"| aborted
      classDef current stroke-width:3px,font-weight:bold
      class queued tone_neutral
      class running tone_warning
      class success tone_success
      class failure,aborted tone_danger
      class queued current
      linkStyle 1,2 stroke-width:3px
    "
  `);
});

test('highlighting a state the variant never enters changes nothing', () => {
  expect(lifecycleDiagram('promote', { highlight: 'queued' })).toBe(lifecycleDiagram('promote'));
});

test('a running Run: current state highlighted, visited states with times, next transitions emphasised', () => {
  expect(runDiagram(makeRun({}), hhmm)).toMatchInlineSnapshot(`
    "flowchart LR
      accTitle: Lifecycle of Run #56 (Scan)
      accDescr: Current state: Running. Path so far: Queued (created 09:00), Running (started 09:02). Possible next: Success (automatic: every table processed); Failure (error: unrecoverable error); Aborted (user action: user or system aborts).
      start@{ shape: sm-circ }
      queued["Queued<br/>created<br/>09:00"]
      running["Running (current)<br/>started<br/>09:02"]
      success["Success"]
      failure["Failure"]
      aborted["Aborted"]
      start taken_start_queued@-->|"created"| queued
      queued taken_queued_running@-->|"worker picks<br/>it up"| running
      queued other_queued_aborted@-.->|"user aborts"| aborted
      running next_running_success@-->|"every table<br/>processed"| success
      running next_running_failure@-.->|"unrecoverable<br/>error"| failure
      running next_running_aborted@-.->|"user or system<br/>aborts"| aborted
      classDef current stroke-width:3px,font-weight:bold
      classDef unvisited stroke-dasharray:4
      class queued tone_neutral
      class running tone_warning
      class success tone_success
      class failure,aborted tone_danger
      class queued,running visited
      class success,failure,aborted unvisited
      class running current
      linkStyle 3,4,5 stroke-width:3px
    "
  `);
});

test('a failed Scan: no transitions left, relaunch by Resume or Rerun', () => {
  const run = makeRun({ state: 'failure', endedAt: T0 + 30 * MIN });
  expect(runDiagram(run, hhmm)).toMatchInlineSnapshot(`
    "flowchart LR
      accTitle: Lifecycle of Run #56 (Scan)
      accDescr: Current state: Failure. Path so far: Queued (created 09:00), Running (started 09:02), Failure (ended 09:30). No further transitions: the Run has ended. Resume (only the tables not finished) or Rerun (every table from scratch) creates a new Run, starting in Queued.
      start@{ shape: sm-circ }
      queued["Queued<br/>created<br/>09:00"]
      running["Running<br/>started<br/>09:02"]
      success["Success"]
      failure["Failure (current)<br/>ended<br/>09:30"]
      aborted["Aborted"]
      relaunch(["a new Run<br/>starts in Queued"])
      start taken_start_queued@-->|"created"| queued
      queued taken_queued_running@-->|"worker picks<br/>it up"| running
      queued other_queued_aborted@-.->|"user aborts"| aborted
      running other_running_success@-->|"every table<br/>processed"| success
      running taken_running_failure@-.->|"unrecoverable<br/>error"| failure
      running other_running_aborted@-.->|"user or system<br/>aborts"| aborted
      failure relaunch_failure_relaunch@-.->|"Resume or Rerun"| relaunch
      classDef current stroke-width:3px,font-weight:bold
      classDef unvisited stroke-dasharray:4
      classDef relaunch stroke-dasharray:4
      class queued tone_neutral
      class running tone_warning
      class success tone_success
      class failure,aborted tone_danger
      class queued,running,failure visited
      class success,aborted unvisited
      class failure current
      class relaunch relaunch
    "
  `);
});

test('a Run aborted while queued never passed through Running', () => {
  const run = makeRun({ type: 'export', state: 'aborted', startedAt: null, endedAt: T0 + 5 * MIN });
  const text = runDiagram(run, hhmm);
  expect(text).toContain('  queued["Queued<br/>created<br/>09:00"]');
  expect(text).toContain('  running["Running"]');
  expect(text).toContain('  aborted["Aborted (current)<br/>ended<br/>09:05"]');
  expect(text).toContain('  queued taken_queued_aborted@-.->|"user aborts"| aborted');
  expect(text).toContain('  class running,success,failure unvisited');
  // Export cannot be resumed, only rerun.
  expect(text).toContain('  aborted relaunch_aborted_relaunch@-.->|"Rerun"| relaunch');
});

test('a Promote Run starts in Running; a succeeded Run offers only Rerun', () => {
  const run = makeRun({ id: 61, type: 'promote', state: 'success', endedAt: T0 + 9 * MIN });
  const text = runDiagram(run, hhmm);
  expect(text).not.toMatch(/queued/i);
  expect(text).toContain('  start taken_start_running@-->|"created"| running');
  // Promote is created directly in Running: it entered Running when it was created.
  expect(text).toContain('  running["Running<br/>created<br/>09:00"]');
  expect(text).toContain('  relaunch(["a new Run<br/>starts in Running"])');
  expect(text).toContain('|"Rerun"|');
});

test('an External Scan that ended cannot be relaunched: no relaunch node', () => {
  const run = makeRun({ type: 'external_scan', state: 'success', endedAt: T0 + 9 * MIN });
  const text = runDiagram(run, hhmm);
  expect(text).not.toContain('relaunch');
  expect(text).toContain('cannot be resumed or rerun');
});

test('a time the server did not record is said so', () => {
  const run = makeRun({ state: 'failure', startedAt: null, endedAt: T0 + 3 * MIN });
  expect(runDiagram(run, hhmm)).toContain('  running["Running<br/>started<br/>time not recorded"]');
  expect(runDiagram(run, hhmm)).toContain('Running (started: time not recorded)');
});

test('labels cannot break out of their quotes or become markup', () => {
  expect(mermaidLabel('a "quoted" <b>bold</b> & #35; `tick` | x\ny')).toBe(
    'a #34;quoted#34; #60;b#62;bold#60;/b#62; #38; #35;35#59; #96;tick#96; #124; x y',
  );
  // Intl output can hold narrow no-break spaces (U+202F) and other non-ASCII characters.
  expect(mermaidLabel('2:03\u202fPM · café')).toBe('2:03 PM #183; caf#233;');
  const run = makeRun({});
  const text = runDiagram(run, () => '"]; click queued call alert(1) %%');
  expect(text).toContain('started<br/>#34;#93;#59; click queued call alert(1) #37;#37;"]');
});

/**
 * One log's sequence of lines (log-sequence.ts) over stored and generated segments (log-block.ts):
 * every line is where its number says, seqs increase, and a seq is found by its count.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { LineSource } from './log-block';
import { appendBlock } from './log-block';
import type { LogSequence, SimLogEntry } from './log-sequence';
import type { LogTarget } from './run-log';
import { RunLog, log } from './run-log';

const CONTAINER = 7;

/** Lines that say where they are; every tenth is a warning. */
const source = (tag: string): LineSource => ({
  level: (line) => (line % 10 === 0 ? 'warning' : 'info'),
  message: (line) => `${tag} line ${line}`,
});

const target = (): LogTarget => ({ log: new RunLog(), quiet: false, lastSeq: 0, warnings: 0 });

/** A Run's logs: `before` stored lines, a block of (run, container) lines, `after` stored ones. */
function build(before: number, runLines: number, containerLines: number, after: number) {
  const run = target();
  for (let i = 0; i < before; i++)
    log(run, i, 'info', `stored ${i}`, i % 3 === 0 ? CONTAINER : null);
  appendBlock(run, {
    from: 1_000,
    to: 2_000,
    containerId: CONTAINER,
    runLevel: { lines: runLines, source: source('run') },
    container: { lines: containerLines, source: source('container') },
  });
  for (let i = 0; i < after; i++)
    log(run, 3_000 + i, 'error', `late ${i}`, i % 2 ? CONTAINER : null);
  return run;
}

/** Checks one log against what it must be: lines 1..n, seqs increasing, counts by seq. */
function checkLog(seq: LogSequence, containerId: number | null): SimLogEntry[] {
  const entries = seq.entries(1, seq.size);
  const problems: string[] = [];
  if (entries.length !== seq.size) problems.push(`${entries.length} entries of ${seq.size}`);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    if (e.line !== i + 1) problems.push(`entry ${i} is line ${e.line}`);
    if (e.containerId !== containerId) problems.push(`line ${e.line} of ${e.containerId}`);
    if (seq.seqOf(e.line) !== e.seq) problems.push(`seqOf(${e.line})`);
    if (JSON.stringify(seq.entry(e.line)) !== JSON.stringify(e)) problems.push(`entry(${e.line})`);
    if (previous && e.seq <= previous.seq) problems.push(`seq ${e.seq} after ${previous.seq}`);
    // Exactly the lines up to this one have a seq ≤ its seq, and one fewer a seq < it.
    if (seq.countAtMost(e.seq) !== e.line || seq.countAtMost(e.seq - 1) !== e.line - 1) {
      problems.push(`countAtMost around ${e.seq}`);
    }
  });
  expect(problems).toEqual([]);
  return entries;
}

test('stored, generated and stored again: one sequence per log, with seqs shared', () => {
  const run = build(4, 20, 5, 3);
  const runLevel = checkLog(run.log.of(null), null);
  const container = checkLog(run.log.of(CONTAINER), CONTAINER);
  expect(runLevel.map((e) => e.message)).toContain('run line 5');
  expect(container.map((e) => e.message)).toContain('container line 3');
  // Every seq of the Run is in exactly one of its logs, 1..lastSeq.
  const seqs = [...runLevel, ...container].map((e) => e.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: run.lastSeq }, (_, i) => i + 1));
  expect(run.log.length).toBe(run.lastSeq);
  expect(run.log.all().map((e) => e.seq)).toEqual(seqs);
  // A block's warnings count as the Run's.
  expect(run.warnings).toBe(2 + 0 + 3);
  // Generated times are spread over the block's span, in order.
  const block = runLevel.filter((e) => e.message.startsWith('run '));
  expect(block[0]?.time).toBe(1_000);
  expect(block.at(-1)?.time).toBeLessThanOrEqual(2_000);
});

test('a page across the segments reads the same as line by line', () => {
  const seq = build(3, 50, 10, 4).log.of(null);
  const whole = seq.entries(1, seq.size);
  expect(seq.entries(2, 10)).toEqual(whole.slice(1, 10));
  expect(seq.entries(seq.size - 5, seq.size + 5)).toEqual(whole.slice(-6));
  expect(seq.entries(0, 2)).toEqual(whole.slice(0, 2));
  expect(seq.entries(seq.size + 1, seq.size + 9)).toEqual([]);
  expect(seq.entry(0)).toBeUndefined();
  expect(seq.seqOf(0)).toBe(0);
  const found: number[] = [];
  seq.search(
    'line 1',
    (message) => /line 1/.test(message),
    (line) => found.push(line),
  );
  expect(found).toEqual(whole.filter((e) => /line 1/.test(e.message)).map((e) => e.line));
});

test('an empty log has no lines, and reading another container gives an empty one', () => {
  const run = target();
  expect(run.log.of(null).size).toBe(0);
  expect(run.log.of(42).countAtMost(99)).toBe(0);
  expect(run.log.length).toBe(0);
});

test('for any sizes, the block interleaves its two logs evenly and loses no seq', () => {
  fc.assert(
    fc.property(
      fc.nat(5),
      fc.nat(300),
      fc.nat(300),
      fc.nat(5),
      (before, runLines, containerLines, after) => {
        const run = build(before, runLines, containerLines, after);
        const runLevel = checkLog(run.log.of(null), null);
        const container = checkLog(run.log.of(CONTAINER), CONTAINER);
        expect(runLevel.length + container.length).toBe(run.lastSeq);
        expect(new Set([...runLevel, ...container].map((e) => e.seq)).size).toBe(run.lastSeq);
        // Evenly: no run of more than ceil(runLines / containerLines) + 1 Run-level lines.
        const blockSeqs = container
          .filter((e) => e.message.startsWith('container'))
          .map((e) => e.seq);
        const gaps = blockSeqs.slice(1).map((s, i) => s - (blockSeqs[i] as number));
        const most = containerLines > 0 ? Math.ceil(runLines / containerLines) + 1 : 0;
        for (const gap of gaps) expect(gap).toBeLessThanOrEqual(most + 1);
      },
    ),
    { numRuns: 60 },
  );
});

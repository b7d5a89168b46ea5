/**
 * Search over every line held, on the plain text: a case-insensitive scan of the store's text
 * chunks (a few long strings, not a string per line), one match per line. Chunks never change
 * once made, so each chunk's matches are kept per query and a new line costs only its chunk.
 */
import type { TextChunk } from '../../queries/log-segment';
import type { LogStore } from '../../queries/log-store';

/** Matches per chunk for the last few queries. */
const cache = new Map<string, WeakMap<TextChunk, Int32Array>>();
const KEEP_QUERIES = 4;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function chunkMatches(chunk: TextChunk, pattern: RegExp): Int32Array {
  const found: number[] = [];
  const { text, offsets, count } = chunk;
  pattern.lastIndex = 0;
  let k = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // The message holding the match: offsets only grow, so the walk goes forward.
    while (k + 1 < count && (offsets[k + 1] ?? 0) <= m.index) k++;
    found.push(chunk.line + k);
    // One match per line: go on from the next message.
    pattern.lastIndex = offsets[k + 1] ?? text.length;
    if (pattern.lastIndex >= text.length) break;
  }
  return Int32Array.from(found);
}

/** The lines (in order) whose plain text contains `query` (already lower-cased), ignoring case. */
export function findLines(store: LogStore, query: string): Int32Array {
  if (!query) return new Int32Array(0);
  let perChunk = cache.get(query);
  if (!perChunk) {
    perChunk = new WeakMap();
    cache.set(query, perChunk);
    for (const key of cache.keys()) {
      if (cache.size <= KEEP_QUERIES) break;
      cache.delete(key);
    }
  }
  const pattern = new RegExp(escapeRegExp(query), 'gi');
  const parts: Int32Array[] = [];
  let size = 0;
  for (const chunk of store.chunks()) {
    let lines = perChunk.get(chunk);
    if (!lines) {
      lines = chunkMatches(chunk, pattern);
      perChunk.set(chunk, lines);
    }
    if (lines.length) parts.push(lines);
    size += lines.length;
  }
  const all = new Int32Array(size);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

import type { LogStore } from '../../queries/log-store';
import { formatLogLine } from './log-text';

/**
 * Saves every line held (whatever the filter) as a text file, `ISO-UTC LEVEL message`, the
 * message as received (control sequences kept). Built in parts, so a million lines never make
 * one giant string.
 */
export function downloadLog(store: LogStore, fileName: string): void {
  const parts: string[] = [];
  let part: string[] = [];
  for (let line = 1; line <= store.total; line++) {
    const entry = store.entryAt(line);
    if (!entry) continue;
    part.push(formatLogLine(entry));
    if (part.length === 10_000) {
      parts.push(part.join('\n') + '\n');
      part = [];
    }
  }
  if (part.length) parts.push(part.join('\n') + '\n');
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

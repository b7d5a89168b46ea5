import type { LogStore } from '../../queries/log-store';
import { logText } from './log-text';

/** Saves every line held (whatever the filter) as a text file, `ISO-UTC LEVEL message`. */
export function downloadLog(store: LogStore, fileName: string): void {
  const text = logText(store.range(0, store.length));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

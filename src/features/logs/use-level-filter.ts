import { useCallback, useState } from 'react';
import type { LogLevel } from '../../api/contract';
import { LOG_LEVELS } from '../../queries/log-store';

const ALL_LEVELS: ReadonlySet<LogLevel> = new Set(LOG_LEVELS);

/** The levels shown (all at first). `showAll` is stable, for effects. */
export function useLevelFilter() {
  const [levels, setLevels] = useState<ReadonlySet<LogLevel>>(ALL_LEVELS);
  const toggle = (level: LogLevel) => setLevels(toggled(levels, level));
  const showAll = useCallback(() => setLevels(ALL_LEVELS), []);
  return { levels, toggle, showAll };
}

/** The set with `level` added, or removed when it was there. */
export function toggled(levels: ReadonlySet<LogLevel>, level: LogLevel): ReadonlySet<LogLevel> {
  const next = new Set(levels);
  if (next.has(level)) next.delete(level);
  else next.add(level);
  return next;
}

/**
 * Where the shell puts the watches (issue 14): the watcher's code loads only once a watch exists
 * (one stored before a reload, or the first one turned on), then stays, so its notices do too.
 */
import { useState, useSyncExternalStore } from 'react';
import { subscribeWatchSignal, watchesStored } from '../../features/watch/watch-signal';
import { WatchCenter } from './chunks';

export function WatchHost() {
  const stored = useSyncExternalStore(subscribeWatchSignal, watchesStored, () => false);
  const [wanted, setWanted] = useState(stored);
  if (stored && !wanted) setWanted(true);
  return wanted ? <WatchCenter /> : null;
}

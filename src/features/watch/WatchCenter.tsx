/**
 * The app-wide part of watches (loaded by the shell once a watch exists): keeps every watched
 * Run and filter followed, and when one ends, says so on the page (a polite live region and a
 * notice) and, with the person's permission, in a browser notification. Its watch then clears.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { notificationPermission, showNotification } from './browser-notifications';
import { FailureWatcher } from './FailureWatcher';
import { RunWatcher } from './RunWatcher';
import type { EndedWatch } from './use-run-watch-engine';
import { useRunWatchEngine } from './use-run-watch-engine';
import type { FailureWatch, RunWatch } from './watch-store';
import { cleanStoredWatches, storedWatches, useWatches } from './watch-store';
import type { WatchNotice } from './WatchNotices';
import { WatchNotices } from './WatchNotices';
import { WatchingList } from './WatchingList';
import { endedSentence, failureSentence, goneSentence } from './watch-words';
import './watch.css';

/** Notices kept on screen at most (the newest first). */
const KEEP = 5;
let counter = 0;
const nextKey = (runId: number): string => `${runId}-${(counter += 1)}`;

interface Told {
  readonly runId: number;
  readonly text: string;
  readonly state: WatchNotice['state'];
  /** The browser notification's second line. */
  readonly body: string;
}

const bodyOf = (run: Run): string => `${operationLabel(run.type)} on ${run.datastore.name}`;

export function WatchCenter() {
  const watches = useWatches();
  const runWatches = useMemo(
    () => watches.filter((w): w is RunWatch => w.kind === 'run'),
    [watches],
  );
  const failureWatches = watches.filter((w): w is FailureWatch => w.kind === 'failures');
  const [notices, setNotices] = useState<readonly WatchNotice[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dropped] = useState(() => storedWatches().dropped);

  // Stored watches that could not be read are dropped once, and said.
  useEffect(() => {
    if (dropped > 0) cleanStoredWatches();
  }, [dropped]);

  const tell = useCallback(
    (told: readonly Told[]) => {
      const lines = told.map((t) => {
        const shown = showNotification(t.text, t.body, `run-${t.runId}`);
        const refused = !shown && notificationPermission() === 'granted';
        return refused ? `${t.text}. The browser did not show a notification.` : t.text;
      });
      const added = told.map((t) => ({ key: nextKey(t.runId), ...t }));
      setNotices((previous) => [...added, ...previous].slice(0, KEEP));
      const text = lines.join('. ');
      // The same words again need a change in the region's text to be said again.
      setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
    },
    [setNotices, setAnnouncement],
  );

  const onEnded = useCallback(
    ({ watch, run }: EndedWatch) =>
      tell([
        run
          ? { runId: run.id, text: endedSentence(run), state: run.state, body: bodyOf(run) }
          : { runId: watch.id, text: goneSentence(watch), state: null, body: '' },
      ]),
    [tell],
  );
  useRunWatchEngine(runWatches, onEnded);

  const onFailures = useCallback(
    (watch: FailureWatch, runs: readonly Run[]) =>
      tell(
        // The newest few: one is what the watch waited for.
        runs.slice(0, 3).map((run) => ({
          runId: run.id,
          text: failureSentence(run, watch.scope),
          state: run.state,
          body: bodyOf(run),
        })),
      ),
    [tell],
  );

  return (
    <section className="watch-center" aria-label="Watches">
      {runWatches.map((watch) => (
        <RunWatcher key={watch.id} id={watch.id} />
      ))}
      {failureWatches.map((watch) => (
        <FailureWatcher key={watch.key} watch={watch} onFailures={onFailures} />
      ))}
      <WatchNotices
        notices={notices}
        announcement={announcement}
        onDismiss={(key) => setNotices((previous) => previous.filter((n) => n.key !== key))}
      />
      {dropped > 0 ? (
        <p className="watch-center__note" role="note">
          {dropped === 1
            ? 'A stored watch could not be read and was dropped.'
            : `${dropped} stored watches could not be read and were dropped.`}
        </p>
      ) : null}
      <WatchingList watches={watches} />
    </section>
  );
}

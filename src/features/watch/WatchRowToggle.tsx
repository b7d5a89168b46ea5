/**
 * The same watch on a collapsed row or card of the Activity list: a bell, pressed while the Run
 * is watched (its name says which Run). What the person will get is said to screen readers here
 * and shown under the header by the watch center ("Watching Run #56 Scan"). The row gives its
 * tab stop (one per table); nothing shows once the Run has ended.
 */
import { mdiBellOutline, mdiBellRing } from '@mdi/js';
import { Icon } from '../../components/ui/Icon';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useWatchNote } from './use-watch-note';
import { unwatchRun, useRunWatched, watchRun } from './watch-store';
import './watch.css';

export function WatchRowToggle({ run, tabIndex }: { run: Run; tabIndex: 0 | -1 }) {
  const watching = useRunWatched(run.id);
  const { note, began, say } = useWatchNote();
  if (!isActive(run.state)) return null;
  const label = `Notify me when Run #${run.id} finishes`;
  return (
    <>
      <button
        type="button"
        className={
          watching
            ? 'button button--ghost button--small watch-row is-on'
            : 'button button--ghost button--small watch-row'
        }
        aria-label={label}
        aria-pressed={watching}
        title={note || (watching ? `${label} (on)` : label)}
        tabIndex={tabIndex}
        data-watch-toggle
        onClick={() => {
          if (watching) {
            unwatchRun(run.id);
            say(`No longer watching Run #${run.id}.`);
          } else {
            watchRun(run);
            began(`when Run #${run.id} finishes`);
          }
        }}
      >
        <Icon path={watching ? mdiBellRing : mdiBellOutline} />
      </button>
      <span role="status" className="visually-hidden">
        {note}
      </span>
    </>
  );
}

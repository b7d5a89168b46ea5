/**
 * "Notify me when it finishes" on an active Run (its header, in an expanded row and on its
 * page): a toggle button, pressed while the Run is watched, and a line saying what the person
 * will get. Not shown once the Run has ended.
 */
import { mdiBellOutline, mdiBellRing } from '@mdi/js';
import { Icon } from '../../components/ui/Icon';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useWatchNote } from './use-watch-note';
import { unwatchRun, useRunWatched, watchRun } from './watch-store';
import './watch.css';

export function WatchRunToggle({ run }: { run: Run }) {
  const watching = useRunWatched(run.id);
  const { note, began, say } = useWatchNote();
  if (!isActive(run.state)) return null;
  const toggle = () => {
    if (watching) {
      unwatchRun(run.id);
      say(`No longer watching Run #${run.id}.`);
    } else {
      watchRun(run);
      began('when it finishes');
    }
  };
  return (
    <div className="watch-toggle">
      <button
        type="button"
        className={
          watching
            ? 'button button--small watch-toggle__button is-on'
            : 'button button--small watch-toggle__button'
        }
        aria-pressed={watching}
        onClick={toggle}
      >
        <Icon path={watching ? mdiBellRing : mdiBellOutline} />
        Notify me when it finishes
      </button>
      <span role="status" className="watch-toggle__note">
        {note}
      </span>
    </div>
  );
}

/**
 * Saved views of the Activity page (issue 14): name the current filters, sort and density; list
 * them, apply, rename, delete (with Undo), copy a view's link; choose the view Activity opens
 * with. Says which view is shown, which default view was opened, and what could not be read.
 */
import { mdiBookmarkMultipleOutline } from '@mdi/js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../../components/ui/Icon';
import { datastoresQuery } from '../../../queries/platform';
import type { ActivitySearch } from '../activity-search';
import type { Density } from '../density';
import { setDensity } from '../density';
import { openedDefaultView } from './default-view';
import { SavedViewItem } from './SavedViewItem';
import { SaveViewForm } from './SaveViewForm';
import type { SavedView } from './saved-views';
import { deleteView, restoreView, saveView, setDefaultView, useSavedViews } from './saved-views';
import { ShareLink, copyViewLink } from './ShareLink';
import { describeView, readViewSearch, viewSearchOf } from './view-search';
import './views.css';

type Deleted = NonNullable<ReturnType<typeof deleteView>>;

/** The apps (by query client) whose opened default view has brought its density already. */
const densityTaken = new WeakSet<object>();

/** The opened default view's density, once per app: a later choice of density then stays. */
function takeOpenedDensity(app: object): string | null {
  const view = openedDefaultView(app);
  if (!view || densityTaken.has(app)) return null;
  densityTaken.add(app);
  return view.density;
}

export function SavedViews({
  search,
  density,
  onApply,
}: {
  search: ActivitySearch;
  density: Density;
  onApply: (search: ActivitySearch) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const { views, defaultId, problems } = useSavedViews();
  const datastores = useQuery(datastoresQuery());
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [manual, setManual] = useState<{ name: string; url: string } | null>(null);
  const undo = useRef<HTMLButtonElement>(null);

  // The default view opened with the app brings its density too, once.
  useEffect(() => {
    const opened = takeOpenedDensity(queryClient);
    if (opened === 'compact' || opened === 'comfortable') setDensity(opened);
  }, [queryClient]);

  const shown = viewSearchOf(search);
  const current = views.find((v) => v.search === shown && v.density === density);
  const opened = openedDefaultView(queryClient);
  const nameOf = (datastore: number) => datastores.data?.find((d) => d.id === datastore)?.name;

  const say = (text: string) => {
    setMessage(text);
    setDeleted(null);
    setManual(null);
  };
  const apply = (view: SavedView) => {
    onApply(readViewSearch(view.search).search);
    setDensity(view.density);
    say(`Applied view “${view.name}”.`);
  };
  const remove = (view: SavedView) => {
    const gone = deleteView(view.id);
    say(`Deleted view “${view.name}”.`);
    setDeleted(gone);
    requestAnimationFrame(() => undo.current?.focus());
  };
  const copy = (view: SavedView) =>
    void copyViewLink(view.search).then(({ copied, url }) => {
      if (copied) {
        say(`Copied the link to view “${view.name}”.`);
      } else {
        say(`The browser did not allow copying: the link to “${view.name}” is below, to copy.`);
        setManual({ name: view.name, url });
      }
    });

  return (
    <div className="saved-views">
      <div className="saved-views__bar">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
        >
          <Icon path={mdiBookmarkMultipleOutline} />
          {views.length > 0 ? `Saved views (${views.length})` : 'Saved views'}
        </button>
        {current ? (
          <span className="saved-views__current">Showing view “{current.name}”</span>
        ) : null}
      </div>
      {opened && opened.search === shown ? (
        <p className="saved-views__note" role="note">
          Opened your default view “{opened.name}”.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="saved-views__note" aria-label="What could not be read of the saved views">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <section
        id={`${id}-panel`}
        className="saved-views__panel"
        aria-label="Saved views"
        hidden={!open}
      >
        <SaveViewForm
          onSave={(name) => {
            const saved = saveView(name, shown, density);
            say(
              saved.done === 'replaced'
                ? `Updated view “${saved.name}” with what is shown now.`
                : `Saved view “${saved.name}”.`,
            );
          }}
        />
        {views.length > 0 ? (
          <>
            <label className="saved-views__default">
              <span>Open Activity with</span>
              <select
                value={defaultId ?? ''}
                onChange={(event) => {
                  const chosen = views.find((v) => v.id === event.target.value);
                  setDefaultView(chosen?.id ?? null);
                  say(
                    chosen
                      ? `Activity now opens with “${chosen.name}” when its address has no settings.`
                      : 'Activity now opens with all Runs.',
                  );
                }}
              >
                <option value="">All Runs (no default view)</option>
                {views.map((view) => (
                  <option key={view.id} value={view.id}>
                    {view.name}
                  </option>
                ))}
              </select>
            </label>
            <ul className="saved-views__list" aria-label="Your saved views">
              {views.map((view) => (
                <SavedViewItem
                  key={view.id}
                  view={view}
                  summary={describeView(readViewSearch(view.search).search, nameOf)}
                  current={view === current}
                  isDefault={view.id === defaultId}
                  onApply={apply}
                  onCopy={copy}
                  onDelete={remove}
                  onMessage={say}
                />
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">No saved views yet: name what is shown to keep it.</p>
        )}
      </section>
      <div className="saved-views__message">
        <p role="status" aria-label="Saved views news">
          {message}
        </p>
        {deleted ? (
          <button
            ref={undo}
            type="button"
            className="button button--small"
            onClick={() => {
              restoreView(deleted);
              say(`Restored view “${deleted.view.name}”.`);
            }}
          >
            Undo
          </button>
        ) : null}
        {manual ? <ShareLink name={manual.name} url={manual.url} /> : null}
      </div>
    </div>
  );
}

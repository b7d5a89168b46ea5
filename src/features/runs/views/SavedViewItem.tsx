/**
 * One saved view in the list: its name and what it shows, and Apply, Rename (in place; Escape
 * cancels), Copy link and Delete. Every button names the view, for screen readers.
 */
import type { FormEvent, KeyboardEvent } from 'react';
import { ViewNameError, ViewNameField } from './ViewNameField';
import { useId, useRef, useState } from 'react';
import type { SavedView } from './saved-views';
import { NAME_MAX, renameView } from './saved-views';

export function SavedViewItem({
  view,
  summary,
  current,
  isDefault,
  onApply,
  onCopy,
  onDelete,
  onMessage,
}: {
  view: SavedView;
  summary: string;
  /** The page shows this view now. */
  current: boolean;
  isDefault: boolean;
  onApply: (view: SavedView) => void;
  onCopy: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
  onMessage: (text: string) => void;
}) {
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);

  const stop = () => {
    setRenaming(false);
    setError(null);
    // Back where the person was (after the render that shows the button again).
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = renameView(view.id, name);
    if (problem !== null) {
      setError(problem);
      return;
    }
    onMessage(`Renamed view “${view.name}” to “${name.trim().slice(0, NAME_MAX)}”.`);
    stop();
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setName(view.name);
    stop();
  };

  if (renaming) {
    return (
      <li className="saved-view">
        <form
          className="saved-view__rename"
          aria-label={`Rename view ${view.name}`}
          onSubmit={submit}
          onKeyDown={cancelOnEscape}
        >
          <ViewNameField
            id={id}
            label={<>New name for “{view.name}”</>}
            value={name}
            error={error}
            autoFocus
            onChange={setName}
          />
          <button type="submit" className="button button--small button--primary">
            Save name
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setName(view.name);
              stop();
            }}
          >
            Cancel
          </button>
          <ViewNameError id={id} error={error} />
        </form>
      </li>
    );
  }

  return (
    <li className={current ? 'saved-view is-current' : 'saved-view'}>
      <div className="saved-view__text">
        <span className="saved-view__name">{view.name}</span>
        {isDefault ? <span className="saved-view__tag">Default</span> : null}
        {current ? <span className="saved-view__tag">Shown now</span> : null}
        <span className="saved-view__summary">{summary}</span>
      </div>
      <div className="saved-view__buttons">
        <button
          type="button"
          className="button button--small"
          aria-label={`Apply view ${view.name}`}
          onClick={() => onApply(view)}
        >
          Apply
        </button>
        <button
          ref={renameButton}
          type="button"
          className="button button--small"
          aria-label={`Rename view ${view.name}`}
          onClick={() => {
            setName(view.name);
            setRenaming(true);
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Copy link to view ${view.name}`}
          onClick={() => onCopy(view)}
        >
          Copy link
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={`Delete view ${view.name}`}
          onClick={() => onDelete(view)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

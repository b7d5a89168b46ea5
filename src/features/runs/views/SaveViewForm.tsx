/** "Save this view": a name for the page's current filters, sort and density. */
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { NAME_MAX } from './saved-views';

export function SaveViewForm({ onSave }: { onSave: (name: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the view a name.');
      return;
    }
    setError(null);
    onSave(name);
    setName('');
  };
  return (
    <form className="saved-views__save" aria-label="Save this view" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>Name of this view</label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={NAME_MAX}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button--primary button--small">
        Save view
      </button>
      {error ? (
        <p id={`${id}-error`} className="saved-views__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** "Save this view": a name for the page's current filters, sort and density. */
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { ViewNameError, ViewNameField } from './ViewNameField';

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
      <ViewNameField
        id={id}
        label="Name of this view"
        value={name}
        error={error}
        onChange={setName}
      />
      <button type="submit" className="button button--primary button--small">
        Save view
      </button>
      <ViewNameError id={id} error={error} />
    </form>
  );
}

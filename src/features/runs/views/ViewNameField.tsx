/** A saved view's name, typed when saving or renaming one: the field, and what is wrong with it. */
import type { ReactNode } from 'react';
import { NAME_MAX } from './saved-views';

export function ViewNameField({
  id,
  label,
  value,
  error,
  autoFocus = false,
  onChange,
}: {
  /** The form's id: the field is `${id}-name`, its error `${id}-error`. */
  id: string;
  label: ReactNode;
  value: string;
  error: string | null;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-name`}>{label}</label>
      <input
        id={`${id}-name`}
        type="text"
        value={value}
        maxLength={NAME_MAX}
        autoComplete="off"
        // Renaming: the field is where the person types next.
        autoFocus={autoFocus}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

export function ViewNameError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p id={`${id}-error`} className="saved-views__error" role="alert">
      {error}
    </p>
  ) : null;
}

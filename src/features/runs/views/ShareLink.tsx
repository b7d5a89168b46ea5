/**
 * A saved view's link (it is the Activity page's address with the view's settings): copied to
 * the clipboard, or, where the browser does not allow that, shown selected to copy by hand.
 */
import { useEffect, useId, useRef } from 'react';

/** The full address of a view. */
export function viewLink(search: string): string {
  const path = `${import.meta.env.BASE_URL}${search ? `?${search}` : ''}`;
  return new URL(path, window.location.origin).toString();
}

/** Copies a view's link; whether the browser let it, and the link. */
export async function copyViewLink(search: string): Promise<{ copied: boolean; url: string }> {
  const url = viewLink(search);
  try {
    if (!navigator.clipboard) return { copied: false, url };
    await navigator.clipboard.writeText(url);
    return { copied: true, url };
  } catch {
    return { copied: false, url };
  }
}

export function ShareLink({ name, url }: { name: string; url: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [url]);
  return (
    <p className="saved-views__link">
      <label htmlFor={id}>Link to view “{name}”</label>
      <input
        ref={field}
        id={id}
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.target.select()}
      />
    </p>
  );
}

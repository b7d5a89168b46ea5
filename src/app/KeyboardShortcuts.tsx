/**
 * The keyboard shortcuts' one window listener, the app-wide keys (`?` for the list, `g a` and
 * `g l` to move between pages) and the button that opens the list. The list's dialog is a chunk
 * of its own (ShortcutsDialog.tsx): fetched when the page is idle, mounted on first opening.
 */
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ChunkFailure } from '../components/ui/ChunkFailure';
import { prefetchWhenIdle } from '../lib/idle';
import { lazyChunk } from '../lib/lazy-chunk';
import { handleShortcut, useShortcuts, useShortcutsEnabled } from '../lib/shortcuts';

const ShortcutsDialog = lazyChunk(
  () => import('./ShortcutsDialog').then((m) => m.ShortcutsDialog),
  { fallback: null, failure: ChunkFailure },
);

export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing it can animate and return focus.
  const [wanted, setWanted] = useState(false);
  const enabled = useShortcutsEnabled();
  const navigate = useNavigate();
  const show = () => {
    setWanted(true);
    setOpen(true);
  };

  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
  useEffect(() => prefetchWhenIdle([ShortcutsDialog]), []);
  useShortcuts({
    '?': (event) => {
      event.preventDefault();
      show();
    },
    'g a': (event) => {
      event.preventDefault();
      void navigate({ to: '/' });
    },
    'g l': (event) => {
      event.preventDefault();
      void navigate({ to: '/lifecycle' });
    },
  });

  return (
    <>
      <button
        type="button"
        className="button button--ghost button--small app-header__shortcuts"
        aria-keyshortcuts={enabled ? '?' : undefined}
        onClick={show}
      >
        Shortcuts
      </button>
      {wanted ? <ShortcutsDialog open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}

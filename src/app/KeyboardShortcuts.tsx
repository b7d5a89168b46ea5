/**
 * The keyboard shortcuts' one window listener, the app-wide keys (`?` for the list, `g a` and
 * `g l` to move between pages) and the list itself: a dialog naming every key, with the switch
 * that turns them all off (remembered) for people whose assistive technology uses single keys.
 */
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Dialog } from '../components/ui/Dialog';
import {
  SHORTCUTS,
  handleShortcut,
  setShortcutsEnabled,
  useShortcuts,
  useShortcutsEnabled,
} from '../lib/shortcuts';

export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const enabled = useShortcutsEnabled();
  const navigate = useNavigate();

  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
  useShortcuts({
    '?': (event) => {
      event.preventDefault();
      setOpen(true);
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
        onClick={() => setOpen(true)}
      >
        Shortcuts
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Keyboard shortcuts"
        description={
          enabled
            ? 'Single keys act anywhere outside a text field.'
            : 'Shortcuts are off: keys do only what the browser and the focused control do.'
        }
        footer={
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Close
          </button>
        }
      >
        <table className="table shortcuts-table">
          <caption className="visually-hidden">Keyboard shortcuts</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <td>
                  {shortcut.keys
                    .split(' ')
                    .map((key, i) =>
                      key === '/' && shortcut.keys !== '/' ? (
                        <span key={i}> or </span>
                      ) : (
                        <kbd key={i}>{key}</kbd>
                      ),
                    )}
                </td>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="shortcuts-switch">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setShortcutsEnabled(event.target.checked)}
          />{' '}
          Use keyboard shortcuts
        </label>
      </Dialog>
    </>
  );
}

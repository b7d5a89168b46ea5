/**
 * The list of keyboard shortcuts: a dialog naming every key, with the switch that turns them all
 * off (remembered) for people whose assistive technology uses single keys. Its code (and the
 * dialog's) loads on its own, when idle or on the first `?` (KeyboardShortcuts.tsx).
 */
import { Dialog } from '../components/ui/Dialog';
import { SHORTCUTS, setShortcutsEnabled, useShortcutsEnabled } from '../lib/shortcuts';

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const enabled = useShortcutsEnabled();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description={
        enabled
          ? 'Single keys act anywhere outside a text field.'
          : 'Shortcuts are off: keys do only what the browser and the focused control do.'
      }
      footer={
        <button type="button" className="button" onClick={() => onOpenChange(false)}>
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
  );
}

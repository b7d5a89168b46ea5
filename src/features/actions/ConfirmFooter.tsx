import { DialogClose } from '../../components/ui/Dialog';

/** A confirmation's footer: Cancel, and the confirm button, busy while its request is out. */
export function ConfirmFooter({
  label,
  busyLabel,
  busy,
  danger,
  onConfirm,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  danger: boolean;
  /** Not called while busy: a click on a busy button does nothing. */
  onConfirm: () => void;
}) {
  return (
    <>
      <DialogClose>Cancel</DialogClose>
      <button
        type="button"
        className={danger ? 'button button--danger' : 'button button--primary'}
        aria-disabled={busy}
        aria-busy={busy}
        onClick={() => {
          if (!busy) onConfirm();
        }}
      >
        {busy ? busyLabel : label}
      </button>
    </>
  );
}

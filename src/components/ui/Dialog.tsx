import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog (Radix): traps focus, closes on Escape, returns focus to what opened it.
 * Controlled: the caller owns `open`.
 *
 * Radix returns focus only to its own `Dialog.Trigger`; a controlled dialog has none, so the
 * element focused when it opened is remembered and focused again on close (when it is still in
 * the document). `onCloseAutoFocus` runs first and may `preventDefault()` to focus elsewhere,
 * e.g. when the action done in the dialog removed the button that opened it.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence read out when the dialog opens. */
  description: ReactNode;
  children?: ReactNode;
  footer: ReactNode;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog"
          onOpenAutoFocus={() => {
            // Focus has not moved into the dialog yet: this is what opened it.
            const active = document.activeElement;
            opener.current = active instanceof HTMLElement ? active : null;
          }}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            const target = opener.current;
            opener.current = null;
            if (event.defaultPrevented) return;
            event.preventDefault();
            if (target?.isConnected) target.focus();
          }}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          <RadixDialog.Description className="dialog__description">
            {description}
          </RadixDialog.Description>
          {children ? <div className="dialog__body">{children}</div> : null}
          <div className="dialog__footer">{footer}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the surrounding dialog. */
export function DialogClose({ children }: { children: ReactNode }) {
  return (
    <RadixDialog.Close asChild>
      <button type="button" className="button">
        {children}
      </button>
    </RadixDialog.Close>
  );
}

import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog (Radix): traps focus, closes on Escape, returns focus to what opened it.
 * Controlled: the caller owns `open`.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence read out when the dialog opens. */
  description: ReactNode;
  children?: ReactNode;
  footer: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog">
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

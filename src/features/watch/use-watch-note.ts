/**
 * What a watch toggle says after a click: what the person will get when the watched thing ends.
 * Turning a watch on asks for the browser's notification permission — from this click only,
 * and only while the browser has not been answered yet.
 */
import { useState } from 'react';
import { askNotificationPermission, permissionSentence } from './browser-notifications';

export function useWatchNote(): {
  readonly note: string;
  /** A watch began: ask the browser (when not answered yet), then say what the person gets. */
  readonly began: (when: string) => void;
  readonly say: (text: string) => void;
} {
  const [note, setNote] = useState('');
  return {
    note,
    began: (when) => {
      void askNotificationPermission().then((permission) =>
        setNote(permissionSentence(permission, when)),
      );
    },
    say: setNote,
  };
}

/**
 * The browser's Notification API, in one place: whether it exists and what the person allowed,
 * asking (only ever from a click), and showing one. Everything else about watches works without
 * it: the in-page notice is always there.
 */
import { assertNever } from '../../domain/assert-never';

export type NotifyPermission = NotificationPermission | 'unsupported';

const api = (): typeof Notification | null =>
  typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;

export function notificationPermission(): NotifyPermission {
  return api()?.permission ?? 'unsupported';
}

/**
 * Asks the browser for permission when it has not been given or refused yet. Call it only from
 * the person's own click: browsers ignore (or hold against the site) a request out of the blue.
 */
export async function askNotificationPermission(): Promise<NotifyPermission> {
  const Api = api();
  if (Api === null) return 'unsupported';
  if (Api.permission !== 'default') return Api.permission;
  try {
    return await Api.requestPermission();
  } catch {
    // A browser that cannot ask from here (an insecure page, a frame) answers like a refusal.
    return Api.permission;
  }
}

/**
 * Shows a browser notification when allowed; a click on it brings the tab forward. Whether it
 * was shown: a browser may refuse even when allowed (some phones only notify from a worker).
 */
export function showNotification(title: string, body: string, tag: string): boolean {
  const Api = api();
  if (Api === null || Api.permission !== 'granted') return false;
  try {
    const notification = new Api(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
    return true;
  } catch {
    return false;
  }
}

/** What the person is told after turning a watch on: what they will get, in plain words. */
export function permissionSentence(permission: NotifyPermission, when: string): string {
  switch (permission) {
    case 'granted':
      return `Watching: a notice on this page and a browser notification ${when}.`;
    case 'denied':
      return `Watching: a notice on this page ${when}. The browser blocks notifications for this site; allow them in its site settings to get one too.`;
    case 'default':
      return `Watching: a notice on this page ${when}. Browser notifications were not allowed.`;
    case 'unsupported':
      return `Watching: a notice on this page ${when}. This browser does not support notifications.`;
    default:
      return assertNever(permission, 'permission');
  }
}

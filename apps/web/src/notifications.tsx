import type { NotificationData } from '@mantine/notifications';
import { lazy, Suspense, useSyncExternalStore } from 'react';

/**
 * Toasts, with @mantine/notifications out of the first download: its code (and the container
 * that shows toasts) loads with the first toast. Call notify() instead of notifications.show().
 */
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

let used = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function notify(notification: NotificationData): void {
  if (!used) {
    used = true;
    for (const listener of listeners) listener();
  }
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show(notification),
  );
}

/** Where toasts appear (mounted once, in main.tsx); empty until the first notify(). */
export function NotificationsHost() {
  const shown = useSyncExternalStore(subscribe, () => used);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  );
}

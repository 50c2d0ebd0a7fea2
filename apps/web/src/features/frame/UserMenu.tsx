import { lazy, Suspense, useState } from 'react';
import type { SessionView } from '@cci/model';
import { UserButton } from './UserButton.tsx';

// Mantine's Menu and its popover load with the first click: the first screen does without
// them (see "Bundle" in docs/architecture.md).
const UserMenuDropdown = lazy(() =>
  import('./UserMenuDropdown.tsx').then((m) => ({ default: m.UserMenuDropdown })),
);

export function UserMenu({ session }: { session: SessionView }) {
  const [used, setUsed] = useState(false);
  const button = (
    <UserButton session={session} aria-haspopup="menu" onClick={() => setUsed(true)} />
  );
  if (!used) return button;
  return (
    <Suspense fallback={button}>
      <UserMenuDropdown session={session} />
    </Suspense>
  );
}

import { Alert } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../notifications.tsx';
import type { Connectivity } from './connectivity.ts';
import type { SessionExpiry } from './sessionExpiry.ts';
import './session.css';

interface Props {
  expiry: SessionExpiry;
  connectivity: Connectivity;
}

const SessionExpiredModal = lazy(() =>
  import('./SessionExpiredModal.tsx').then((m) => ({ default: m.SessionExpiredModal })),
);

/** Over every screen: the re-sign-in dialog after a 401, the banner while the BFF is away. */
export function SessionGuard({ expiry, connectivity }: Props) {
  return (
    <>
      <ExpiredDialog expiry={expiry} />
      <UnreachableBanner connectivity={connectivity} />
    </>
  );
}

/** The dialog's code downloads when a session first ends (the first screen does without it). */
function ExpiredDialog({ expiry }: { expiry: SessionExpiry }) {
  const expired = useSyncExternalStore(expiry.subscribe, () => expiry.getState().expired);
  if (!expired) return null;
  return (
    <Suspense fallback={null}>
      <SessionExpiredModal expiry={expiry} />
    </Suspense>
  );
}

function UnreachableBanner({ connectivity }: { connectivity: Connectivity }) {
  const { t } = useTranslation();
  const reachable = useSyncExternalStore(connectivity.subscribe, connectivity.isReachable);
  const wasDown = useRef(false);
  useEffect(() => {
    if (!reachable) wasDown.current = true;
    else if (wasDown.current) {
      wasDown.current = false;
      notify({ color: 'green', message: t('session.reachableAgain') });
    }
  }, [reachable, t]);
  if (reachable) return null;
  return (
    <Alert
      className="bff-unreachable-banner"
      color="orange"
      role="status"
      title={t('session.unreachableTitle')}
    >
      {t('session.unreachableBody')}
    </Alert>
  );
}

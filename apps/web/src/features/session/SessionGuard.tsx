import { Alert, Anchor, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import type { Connectivity } from './connectivity.ts';
import { LoginForm } from './LoginForm.tsx';
import type { SessionExpiry } from './sessionExpiry.ts';
import './session.css';

interface Props {
  expiry: SessionExpiry;
  connectivity: Connectivity;
}

/** Over every screen: the re-sign-in dialog after a 401, the banner while the BFF is away. */
export function SessionGuard({ expiry, connectivity }: Props) {
  return (
    <>
      <SessionExpiredModal expiry={expiry} />
      <UnreachableBanner connectivity={connectivity} />
    </>
  );
}

/** The region of the screen behind the dialog: /r/<region>/... */
function regionFromPath(): string | undefined {
  const match = /^\/r\/([^/]+)\//.exec(window.location.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

function SessionExpiredModal({ expiry }: { expiry: SessionExpiry }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(expiry.subscribe, expiry.getState);
  const previous = state.previous;
  const region = previous?.region ?? regionFromPath() ?? 'cn-north-4';
  const here = `${window.location.pathname}${window.location.search}`;
  const fullSignIn = `/login?${new URLSearchParams({ region, redirect: here }).toString()}`;
  const resume = async (session: Parameters<SessionExpiry['resume']>[0]) => {
    const retried = await expiry.resume(session);
    notifications.show({
      color: 'green',
      message: retried > 0 ? t('session.retried', { count: retried }) : t('session.resumed'),
    });
  };
  return (
    <Modal
      opened={state.expired}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title={t('session.expiredTitle')}
    >
      <Stack data-testid={testIds.sessionExpired}>
        <Text size="sm">{t('session.expiredBody')}</Text>
        <LoginForm
          method="password"
          region={region}
          demo={undefined}
          redirect={undefined}
          onSignedIn={() => {}}
          resume={resume}
          initialValues={
            previous ? { domainName: previous.domain, userName: previous.user } : undefined
          }
        />
        <Anchor href={fullSignIn} size="sm">
          {t('session.fullSignIn')}
        </Anchor>
      </Stack>
    </Modal>
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
      notifications.show({ color: 'green', message: t('session.reachableAgain') });
    }
  }, [reachable, t]);
  if (reachable) return null;
  return (
    <Alert
      className="bff-unreachable-banner"
      color="orange"
      role="status"
      title={t('session.unreachableTitle')}
      data-testid={testIds.bffUnreachable}
    >
      {t('session.unreachableBody')}
    </Alert>
  );
}

import { Anchor, Modal, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../notifications.tsx';
import { LoginForm } from './LoginForm.tsx';
import type { SessionExpiry } from './sessionExpiry.ts';

/** The region of the screen behind the dialog: /r/<region>/... */
function regionFromPath(): string | undefined {
  const match = /^\/r\/([^/]+)\//.exec(window.location.pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The in-place re-sign-in after a 401. Loaded by SessionGuard only when a session ends, so the
 * first download has neither the dialog nor the sign-in form.
 */
export function SessionExpiredModal({ expiry }: { expiry: SessionExpiry }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(expiry.subscribe, expiry.getState);
  const previous = state.previous;
  const region = previous?.region ?? regionFromPath() ?? 'cn-north-4';
  const here = `${window.location.pathname}${window.location.search}`;
  const fullSignIn = `/login?${new URLSearchParams({ region, redirect: here }).toString()}`;
  const resume = async (session: Parameters<SessionExpiry['resume']>[0]) => {
    const retried = await expiry.resume(session);
    notify({
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
      <Stack>
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

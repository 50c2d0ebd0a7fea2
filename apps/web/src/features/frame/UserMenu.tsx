import { Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import { signOut, type SessionView } from '../session/session.queries.ts';

export function UserMenu({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = async () => {
    try {
      await signOut();
    } finally {
      queryClient.clear();
      await navigate({ to: '/login', search: { region: session.region } });
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="subtle" aria-label={t('frame.userMenu')} data-testid={testIds.userMenu}>
          {session.user === session.domain ? session.user : `${session.user} @ ${session.domain}`}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href="/api/kubeconfig"
          download
          data-testid={testIds.downloadKubeconfig}
        >
          {t('frame.kubeconfig')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => void leave()} data-testid={testIds.signOut}>
          {t('frame.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

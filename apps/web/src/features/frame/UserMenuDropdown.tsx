import { Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { kubeconfigHref } from '../../lib/kube/bff.ts';
import type { SessionView } from '@cci/model';
import { signOut } from '../session/session.queries.ts';
import { UserButton } from './UserButton.tsx';

/** The user menu itself, opened: loaded by UserMenu on the first click. */
export function UserMenuDropdown({ session }: { session: SessionView }) {
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
    <Menu position="bottom-end" defaultOpened>
      <Menu.Target>
        <UserButton session={session} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={kubeconfigHref} download>
          {t('frame.kubeconfig')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => void leave()}>
          {t('frame.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { Button, type ButtonProps } from '@mantine/core';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@cci/model';

type Props = ButtonProps & ComponentPropsWithoutRef<'button'> & { session: SessionView };

/** The top bar's "who am I" button that opens the user menu (UserMenu.tsx). */
export const UserButton = forwardRef<HTMLButtonElement, Props>(function UserButton(
  { session, ...props },
  ref,
) {
  const { t } = useTranslation();
  return (
    <Button ref={ref} variant="subtle" aria-label={t('frame.userMenu')} {...props}>
      {session.user === session.domain ? session.user : `${session.user} @ ${session.domain}`}
    </Button>
  );
});

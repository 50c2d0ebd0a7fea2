import { Button, type ButtonProps } from '@mantine/core';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';

type Props = ButtonProps &
  Pick<LinkProps, 'to' | 'params' | 'search'> & {
    children: ReactNode;
  };

/** A button that is a link (opens a wizard or a manager): a real <a>, so it can open in a tab. */
export function LinkButton({ to, params, search, ...button }: Props) {
  return (
    <Button
      {...button}
      renderRoot={(props) => <Link {...props} to={to} params={params} search={search} />}
    />
  );
}

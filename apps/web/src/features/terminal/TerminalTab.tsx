import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';

// xterm.js stays out of the initial bundle: fetched the first time a Terminal tab opens.
const TerminalPanel = lazy(() => import('./TerminalPanel.tsx'));

/** Whether a details page of this resource (plural) gets a Terminal tab: pods only. */
export function hasTerminalTab(resource: string): boolean {
  return resource === 'pods';
}

/** The Terminal tab's content; Details.tsx renders it only for objects with hasTerminalTab. */
export function TerminalTab({ pod }: { pod: KubeObject }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('terminal.loading')} />}>
      <TerminalPanel pod={pod} />
    </Suspense>
  );
}

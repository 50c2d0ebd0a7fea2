import { Box, Group, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQueries } from '../session/session.queries.ts';
import { NewFromTemplateButton } from '../editor/workflow/EditorEntries.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NamespaceSwitcher } from './NamespaceSwitcher.tsx';
import { rememberNamespace } from './recentNamespaces.ts';
import { RegionSwitcher } from './RegionSwitcher.tsx';
import { Sidebar } from './Sidebar.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in layout: every URL below carries region and namespace. */
export function Frame() {
  const { t } = useTranslation();
  const { region, namespace } = useParams({ from: '/r/$region/ns/$namespace' });
  const resource = useParams({ strict: false }).resource;
  const session = useQuery(sessionQueries.current()).data;
  const navigate = useNavigate();

  useEffect(() => void rememberNamespace(namespace), [namespace]);

  const goTo = (nextRegion: string, nextNamespace: string) => {
    const to = `/r/${encodeURIComponent(nextRegion)}/ns/${encodeURIComponent(nextNamespace)}/${resource ?? 'pods'}`;
    // A session belongs to one region: another region needs its own sign-in.
    if (session && nextRegion !== session.region) {
      void navigate({
        to: '/login',
        search: { region: nextRegion, redirect: to, from: session.region, method: session.method },
      });
    } else {
      void navigate({ href: to });
    }
  };

  return (
    // A CSS grid rather than Mantine's AppShell: AppShell sizes itself with an inline <style>,
    // which the BFF's CSP blocks.
    <div className="frame">
      <Box component="header" className="frame-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Title order={4}>{t('app.title')}</Title>
            <RegionSwitcher region={region} onChange={(r) => goTo(r, namespace)} />
            <NamespaceSwitcher
              key={namespace}
              region={region}
              namespace={namespace}
              onChange={(ns) => goTo(region, ns)}
            />
          </Group>
          <Group wrap="nowrap">
            <NewFromTemplateButton region={region} namespace={namespace} />
            <LanguageSwitch />
            {session && <UserMenu session={session} />}
          </Group>
        </Group>
      </Box>
      <Box className="frame-nav">
        <Sidebar region={region} namespace={namespace} active={resource} />
      </Box>
      <Box component="main" className="frame-main" p="md">
        <Outlet />
      </Box>
    </div>
  );
}

import { Alert, Anchor, Center, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import { LanguageSwitch } from '../frame/LanguageSwitch.tsx';
import { LoginForm } from './LoginForm.tsx';
import { regionLabel } from './regionLabel.ts';
import { sessionQueries } from './session.queries.ts';

/** /login: region, then password or AK/SK credentials (A2). */
export function Login() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const regionsQuery = useQuery(sessionQueries.regions());
  const regions = regionsQuery.data?.regions ?? [];
  const [picked, setPicked] = useState<string | null>(search.region ?? null);
  const region = picked ?? regions[0]?.id ?? null;
  const [method, setMethod] = useState<'password' | 'aksk'>('password');
  const [demoFill, setDemoFill] = useState(0);
  const demo = regionsQuery.data?.demo;
  const language = currentLanguage();

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} component="main">
        <Stack>
          <Title order={2}>{t('login.title')}</Title>
          <LanguageSwitch />
          <Select
            label={t('common.region')}
            data-testid={testIds.loginRegion}
            data={regions.map((r) => ({ value: r.id, label: regionLabel(r.id, r.name, language) }))}
            value={region}
            onChange={setPicked}
            allowDeselect={false}
          />
          {demo && (
            <Alert data-testid={testIds.loginDemo} color="blue" variant="light">
              <Text size="sm">{t('login.demo', demo)}</Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setDemoFill((n) => n + 1)}
              >
                {t('login.useDemo')}
              </Anchor>
            </Alert>
          )}
          <Tabs value={method} onChange={(v) => setMethod(v === 'aksk' ? 'aksk' : 'password')}>
            <Tabs.List grow>
              <Tabs.Tab value="password" data-testid={testIds.loginTabPassword}>
                {t('login.tabPassword')}
              </Tabs.Tab>
              <Tabs.Tab value="aksk" data-testid={testIds.loginTabAksk}>
                {t('login.tabAksk')}
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          {region && (
            <LoginForm
              key={`${method}-${demoFill}`}
              method={method}
              region={region}
              demo={demoFill > 0 ? demo : undefined}
              onSignedIn={(target) => void navigate({ href: target })}
              redirect={search.redirect}
            />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

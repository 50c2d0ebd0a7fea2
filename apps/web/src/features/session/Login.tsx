import {
  Alert,
  Anchor,
  Button,
  Center,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
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
  const [method, setMethod] = useState<'password' | 'aksk'>(search.method ?? 'password');
  const [demoFill, setDemoFill] = useState(0);
  const demo = regionsQuery.data?.demo;
  const language = currentLanguage();
  const regionLabelOf = (id: string) =>
    regionLabel(id, regions.find((r) => r.id === id)?.name ?? id, language);

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} component="main">
        <Stack>
          <Title order={2}>{t('login.title')}</Title>
          <LanguageSwitch />
          {/* A native select, as in the top bar: the sign-in page needs no popover code. */}
          <NativeSelect
            label={t('common.region')}
            data={regions.map((r) => ({ value: r.id, label: regionLabel(r.id, r.name, language) }))}
            value={region ?? ''}
            onChange={(event) => setPicked(event.currentTarget.value)}
          />
          {search.from && region && search.from !== region && (
            <Alert role="note" color="yellow" variant="light">
              <Text size="sm">
                {t('login.regionSwitch', {
                  from: regionLabelOf(search.from),
                  to: regionLabelOf(region),
                })}
              </Text>
            </Alert>
          )}
          {demo && (
            <Alert role="note" color="blue" variant="light">
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
          {/* Toggle buttons, not Tabs: the sign-in page downloads no tab code (docs: "Bundle"). */}
          <Button.Group>
            {(['password', 'aksk'] as const).map((value) => (
              <Button
                key={value}
                flex={1}
                variant={method === value ? 'filled' : 'default'}
                aria-pressed={method === value}
                onClick={() => setMethod(value)}
              >
                {t(value === 'password' ? 'login.tabPassword' : 'login.tabAksk')}
              </Button>
            ))}
          </Button.Group>
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

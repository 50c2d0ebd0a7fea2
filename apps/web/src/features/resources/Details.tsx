import {
  Alert,
  Anchor,
  Code,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import { formatAge, type KubeObject } from './objects.ts';
import { isResourcePlural } from './resourceKinds.ts';
import { resourceQueries } from './resources.queries.ts';
import { useNow } from './useNow.ts';
import { toYaml } from './yaml.ts';

/** /r/:region/ns/:namespace/:resource/:name — overview and raw JSON/YAML (read-only for now). */
export function Details() {
  const { t } = useTranslation();
  const params = useParams({ from: '/r/$region/ns/$namespace/$resource/$name' });
  const { region, namespace, resource, name } = params;
  const plural = isResourcePlural(resource) ? resource : 'pods';
  const query = useQuery({
    ...resourceQueries.detail(region, plural, namespace, name),
    enabled: isResourcePlural(resource),
  });
  if (!isResourcePlural(resource)) {
    return <Alert color="red">{t('list.unknownResource', { resource })}</Alert>;
  }
  return (
    <Stack>
      <Anchor
        renderRoot={(props) => (
          <Link
            {...props}
            to="/r/$region/ns/$namespace/$resource"
            params={{ region, namespace, resource }}
          />
        )}
      >
        ← {t('details.back')}
      </Anchor>
      <Title order={3} data-testid={testIds.detailsTitle}>
        {name}
      </Title>
      {query.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {query.error && (
        <Alert color="red" role="alert">
          {query.error instanceof ApiError
            ? query.error.localized(currentLanguage())
            : t('common.error')}
        </Alert>
      )}
      {query.data && <DetailsTabs object={query.data} />}
    </Stack>
  );
}

function DetailsTabs({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  return (
    <Tabs defaultValue="overview" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="overview" data-testid={testIds.detailsTabOverview}>
          {t('details.overview')}
        </Tabs.Tab>
        <Tabs.Tab value="raw" data-testid={testIds.detailsTabRaw}>
          {t('details.raw')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview" pt="md">
        <Overview object={object} />
      </Tabs.Panel>
      <Tabs.Panel value="raw" pt="md">
        <SegmentedControl
          size="xs"
          value={format}
          onChange={(v) => setFormat(v === 'json' ? 'json' : 'yaml')}
          data={[
            { value: 'yaml', label: t('details.yaml') },
            { value: 'json', label: t('details.json') },
          ]}
        />
        <Code block className="raw-view" mt="sm" data-testid={testIds.detailsRaw}>
          {format === 'json' ? JSON.stringify(object, null, 2) : toYaml(object)}
        </Code>
      </Tabs.Panel>
    </Tabs>
  );
}

function Overview({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const now = useNow();
  const { metadata } = object;
  const pairs = (record: Record<string, string> | undefined) => {
    const entries = Object.entries(record ?? {});
    if (entries.length === 0) return t('details.none');
    return (
      <Stack gap={2}>
        {entries.map(([k, v]) => (
          <Code key={k}>{`${k}=${v}`}</Code>
        ))}
      </Stack>
    );
  };
  const rows: [string, React.ReactNode][] = [
    [t('column.name'), metadata.name],
    [t('common.namespace'), metadata.namespace ?? '-'],
    [t('details.uid'), metadata.uid ?? '-'],
    [
      t('details.created'),
      `${metadata.creationTimestamp ?? '-'} (${formatAge(metadata.creationTimestamp, now)})`,
    ],
    [t('details.labels'), pairs(metadata.labels)],
    [t('details.annotations'), pairs(metadata.annotations)],
  ];
  return (
    <Stack>
      <Title order={5}>{t('details.metadata')}</Title>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Title order={5}>{t('details.status')}</Title>
      </Group>
      <Code block className="raw-view">
        {object.status ? toYaml(object.status) : t('details.none')}
      </Code>
    </Stack>
  );
}

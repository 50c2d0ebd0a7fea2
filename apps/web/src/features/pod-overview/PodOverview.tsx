import { Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../details/ObjectLink.tsx';
import type { KubeObject } from '../resources/objects.ts';
import { ContainerCard } from './ContainerCard.tsx';
import { containerSummaries } from './containerSummary.ts';
import { volumeSummaries } from './podVolumes.ts';

interface Props {
  pod: KubeObject;
  region: string;
  namespace: string;
}

/** A pod's containers (init ones first) and volumes, linked to what they mount. */
export function PodOverview({ pod, region, namespace }: Props) {
  const { t } = useTranslation();
  const containers = containerSummaries(pod);
  const init = containers.filter((c) => c.init);
  const app = containers.filter((c) => !c.init);
  const volumes = volumeSummaries(pod);
  const group = (title: string, list: typeof containers) =>
    list.length > 0 && (
      <Stack gap="xs" component="section" aria-label={title}>
        <Title order={5}>{title}</Title>
        {list.map((c) => (
          <ContainerCard key={c.name} container={c} />
        ))}
      </Stack>
    );
  return (
    <Stack gap="md">
      {group(t('podOverview.initContainers'), init)}
      {group(t('podOverview.containers'), app)}
      {volumes.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('podOverview.volumes')}>
          <Title order={5}>{t('podOverview.volumes')}</Title>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('podOverview.volumeName')}</Table.Th>
                <Table.Th>{t('podOverview.volumeType')}</Table.Th>
                <Table.Th>{t('podOverview.volumeSource')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {volumes.map((v) => (
                <Table.Tr key={v.name}>
                  <Table.Td>{v.name}</Table.Td>
                  <Table.Td>{v.type}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {[...(v.target ? [v.target] : []), ...v.sources].map((s) => (
                        <ObjectLink
                          key={`${s.plural}/${s.name}`}
                          region={region}
                          namespace={namespace}
                          plural={s.plural}
                          name={s.name}
                        />
                      ))}
                      {v.detail}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}

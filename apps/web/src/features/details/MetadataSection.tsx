import { explainAnnotation } from '@cci/model';
import { Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatAge, type KubeObject } from '../resources/objects.ts';
import { useNow } from '../resources/useNow.ts';
import { ObjectLink } from './ObjectLink.tsx';
import { ownerReferences, pluralOfKind } from './related.ts';

interface Props {
  object: KubeObject;
  region: string;
  namespace: string;
}

/** Name, namespace, UID, age, owners, labels and annotations (CCI keys explained). */
export function MetadataSection({ object, region, namespace }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const { metadata } = object;
  const labels = Object.entries(metadata.labels ?? {});
  const finalizers = Array.isArray(metadata['finalizers'])
    ? (metadata['finalizers'] as string[])
    : [];
  const owners = ownerReferences(object);
  const rows: [string, React.ReactNode][] = [
    [t('column.name'), metadata.name],
    [t('objectDetails.kind'), `${object.kind ?? '-'} (${object.apiVersion ?? '-'})`],
    [t('common.namespace'), metadata.namespace ?? '-'],
    [t('details.uid'), metadata.uid ?? '-'],
    [
      t('details.created'),
      `${metadata.creationTimestamp ?? '-'} (${formatAge(metadata.creationTimestamp, now)})`,
    ],
    [
      t('details.labels'),
      labels.length === 0 ? (
        t('details.none')
      ) : (
        <Group gap={4}>
          {labels.map(([k, v]) => (
            <Badge key={k} variant="light" tt="none">{`${k}=${v}`}</Badge>
          ))}
        </Group>
      ),
    ],
  ];
  if (owners.length > 0) {
    rows.push([
      t('objectDetails.owners'),
      <Group gap="xs" key="owners">
        {owners.map((o) => {
          const plural = pluralOfKind(o.kind);
          return (
            <Text size="sm" key={`${o.kind}/${o.name}`}>
              {o.kind}{' '}
              {plural ? (
                <ObjectLink region={region} namespace={namespace} plural={plural} name={o.name} />
              ) : (
                o.name
              )}
            </Text>
          );
        })}
      </Group>,
    ]);
  }
  if (finalizers.length > 0) rows.push([t('objectDetails.finalizers'), finalizers.join(', ')]);
  return (
    <Stack gap="xs">
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
      <AnnotationsTable annotations={metadata.annotations ?? {}} />
    </Stack>
  );
}

/** Every annotation; the ones CCI defines get their meaning and rule IDs beside the value. */
function AnnotationsTable({ annotations }: { annotations: Record<string, string> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = Object.entries(annotations);
  return (
    <>
      <Title order={5}>{t('details.annotations')}</Title>
      {entries.length === 0 ? (
        <Text size="sm">{t('details.none')}</Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('objectDetails.annotationKey')}</Table.Th>
              <Table.Th>{t('objectDetails.annotationValue')}</Table.Th>
              <Table.Th>{t('objectDetails.annotationMeaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(([key, value]) => {
              const known = explainAnnotation(key);
              return (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Code>{key}</Code>
                  </Table.Td>
                  <Table.Td className="details-annotation-value">
                    <Code>{value}</Code>
                  </Table.Td>
                  <Table.Td>
                    {known && (
                      <Text size="sm">
                        {known.text[language]}{' '}
                        {known.setBy === 'cci' && (
                          <Text span size="xs" c="dimmed">
                            {t('objectDetails.setByCci')}
                          </Text>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

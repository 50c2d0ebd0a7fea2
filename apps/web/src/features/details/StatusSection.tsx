import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asArray, asText, field, formatAge, type KubeObject } from '../resources/objects.ts';
import { useNow } from '../resources/useNow.ts';
import { toYaml } from '../resources/yaml.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  time: string;
}

/** status.conditions of any kind, as rows; the newest transition first. */
export function conditionsOf(object: KubeObject): Condition[] {
  return asArray(field(object, 'status.conditions'))
    .map((c) => ({
      type: asText(field(c, 'type')),
      status: asText(field(c, 'status')),
      reason: asText(field(c, 'reason')),
      message: asText(field(c, 'message')),
      time: asText(field(c, 'lastTransitionTime')) || asText(field(c, 'lastUpdateTime')),
    }))
    .sort((a, b) => (Date.parse(b.time) || 0) - (Date.parse(a.time) || 0));
}

const statusColor = (status: string) =>
  status === 'True' ? 'green' : status === 'False' ? 'red' : 'gray';

/** The conditions as a table, then every other status field as YAML. */
export function StatusSection({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const now = useNow();
  const conditions = conditionsOf(object);
  const rest: Record<string, unknown> = { ...object.status };
  delete rest['conditions'];
  return (
    <Stack gap="xs">
      <Title order={5}>{t('objectDetails.conditions')}</Title>
      {conditions.length === 0 ? (
        <Text size="sm">{t('objectDetails.noConditions')}</Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('objectDetails.conditionType')}</Table.Th>
              <Table.Th>{t('objectDetails.conditionStatus')}</Table.Th>
              <Table.Th>{t('objectDetails.conditionReason')}</Table.Th>
              <Table.Th>{t('objectDetails.conditionMessage')}</Table.Th>
              <Table.Th>{t('objectDetails.conditionTime')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conditions.map((c) => (
              <Table.Tr key={c.type}>
                <Table.Td>{c.type}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(c.status)} variant="light">
                    {c.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.message}</Table.Td>
                <Table.Td>{c.time ? formatAge(c.time, now) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={5}>{t('objectDetails.statusFields')}</Title>
      <Code block className="raw-view">
        {Object.keys(rest).length > 0 ? toYaml(rest) : t('details.none')}
      </Code>
    </Stack>
  );
}

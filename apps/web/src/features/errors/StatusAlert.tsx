import { Alert, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { statusView } from './statusView.ts';

/**
 * Any failed request, with the upstream Status in full: code and reason, CCI error code, the
 * object, the whole message, and every cause with its field (Status.details.causes[]).
 */
export function StatusAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const view = statusView(error, currentLanguage());
  if (!view) {
    return (
      <Alert color="red" role="alert">
        {error instanceof TypeError ? t('apiError.network') : t('common.error')}
      </Alert>
    );
  }
  const title = view.reason
    ? t('apiError.title', { code: view.code, reason: view.reason })
    : t('apiError.titleNoCode');
  return (
    <Alert color="red" role="alert" title={title}>
      <Stack gap={4}>
        <Text size="sm" className="status-message">
          {view.message}
        </Text>
        {view.errorCode && (
          <Text size="sm">
            {t('apiError.errorCode')}: <Code>{view.errorCode}</Code>
          </Text>
        )}
        {view.object && (
          <Text size="sm">
            {t('apiError.object')}: <Code>{view.object}</Code>
          </Text>
        )}
        {view.causes.length > 0 && (
          <Table verticalSpacing={2} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiError.field')}</Table.Th>
                <Table.Th>{t('apiError.reason')}</Table.Th>
                <Table.Th>{t('apiError.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.causes.map((c, i) => (
                <Table.Tr key={`${c.field}-${i}`}>
                  <Table.Td>
                    <Code>{c.field || '-'}</Code>
                  </Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                  <Table.Td>{c.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  );
}

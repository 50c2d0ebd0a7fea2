import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/kube/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { StatusAlert } from '../errors/StatusAlert.tsx';

/** The upstream Status message in full (the CCI API's own words), or a generic error. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.localized(currentLanguage());
  return error instanceof Error && error.message ? error.message : fallback;
}

/** One failed request: the shared Status view (code, reason, message, causes). */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return <StatusAlert error={error} />;
}

/** Several failures (one per object of a multi-delete), each with its message. */
export function ActionFailures({ failures }: { failures: { name: string; error: unknown }[] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={t('actions.deletePartial')}>
      <List size="sm">
        {failures.map(({ name, error }) => (
          <List.Item key={name}>
            {t('actions.failedItem', { name, message: errorText(error, t('common.error')) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

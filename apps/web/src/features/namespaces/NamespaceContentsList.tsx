import { List, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { wizardQueries } from '../wizard-shell/wizards.queries.ts';

interface Props {
  region: string;
  namespace: string;
  /** Several namespaces in one confirmation: each list says whose it is. */
  titled?: boolean;
}

/** What goes with a namespace when it is deleted, so the confirmation names it. */
export function NamespaceContentsList({ region, namespace, titled = false }: Props) {
  const { t } = useTranslation();
  const contents = useQuery(wizardQueries.contents(region, namespace));
  const title = titled ? <Text fw={500}>{namespace}</Text> : null;
  if (contents.isPending) {
    return (
      <>
        {title}
        <Loader size="sm" aria-label={t('app.loading')} />
      </>
    );
  }
  if (!contents.data || contents.data.length === 0) {
    return (
      <>
        {title}
        <Text size="sm">{t('nsWizard.empty')}</Text>
      </>
    );
  }
  return (
    <>
      {title}
      <List size="sm" aria-label={t('nsWizard.contents', { name: namespace })}>
        {contents.data.map(({ plural, names }) => (
          <List.Item key={plural}>
            {t(`nav.${plural}`)} ({names.length}): {names.join(', ')}
          </List.Item>
        ))}
      </List>
    </>
  );
}

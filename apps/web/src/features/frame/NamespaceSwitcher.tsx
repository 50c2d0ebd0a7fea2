import { Autocomplete } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { isNamespaceName, rememberedNamespaces } from './recentNamespaces.ts';

interface Props {
  region: string;
  namespace: string;
  onChange: (namespace: string) => void;
}

/**
 * Typed names always work: a user allowed into one namespace may not list namespaces at all,
 * so the listed and recently used names are suggestions only.
 */
export function NamespaceSwitcher({ region, namespace, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(namespace);
  const listed = useQuery({
    ...resourceQueries.list(region, 'namespaces', '-'),
    refetchInterval: false,
  });
  const recent = rememberedNamespaces();
  const names = (listed.data?.items ?? []).map((n) => n.metadata.name);
  const data = [
    { group: t('frame.recent'), items: recent },
    { group: t('frame.listed'), items: names.filter((n) => !recent.includes(n)) },
  ].filter((g) => g.items.length > 0);
  const commit = (value: string) => {
    const name = value.trim();
    if (isNamespaceName(name) && name !== namespace) onChange(name);
    else setText(namespace);
  };

  return (
    <Autocomplete
      aria-label={t('common.namespace')}
      data-testid={testIds.namespaceSwitcher}
      placeholder={t('frame.namespacePlaceholder')}
      w={220}
      data={data}
      value={text}
      onChange={setText}
      onOptionSubmit={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
      onBlur={() => setText(namespace)}
      error={text !== namespace && text !== '' && !isNamespaceName(text.trim())}
    />
  );
}

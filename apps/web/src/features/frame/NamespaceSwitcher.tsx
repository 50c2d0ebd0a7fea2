import { TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceQueries } from '../resources/resources.queries.ts';
import { isNamespaceName, rememberedNamespaces } from './recentNamespaces.ts';

/** A suggestion picked from the list: Chrome says insertReplacementText, Firefox a plain Event. */
const isPick = (event: Event) =>
  !(event instanceof InputEvent) || event.inputType === 'insertReplacementText';

interface Props {
  region: string;
  namespace: string;
  onChange: (namespace: string) => void;
}

/**
 * Typed names always work: a user allowed into one namespace may not list namespaces at all,
 * so the listed and recently used names are suggestions only. They are the browser's own
 * (<datalist>): the first screen downloads no combobox or popover code (see "Bundle" in
 * docs/architecture.md).
 */
export function NamespaceSwitcher({ region, namespace, onChange }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(namespace);
  const listed = useQuery({
    ...resourceQueries.list(region, 'namespaces', '-'),
    refetchInterval: false,
  });
  const recent = rememberedNamespaces();
  const names = (listed.data?.items ?? []).map((n) => n.metadata.name);
  const suggestions = [
    ...recent.map((name) => ({ name, group: t('frame.recent') })),
    ...names.filter((n) => !recent.includes(n)).map((name) => ({ name, group: t('frame.listed') })),
  ];
  const commit = (value: string) => {
    const name = value.trim();
    if (isNamespaceName(name) && name !== namespace) onChange(name);
    else setText(namespace);
  };

  return (
    <>
      <TextInput
        aria-label={t('common.namespace')}
        // Empty while focused, the current name as its placeholder: a <datalist> only offers
        // what matches the text, so the current name would hide every other namespace.
        placeholder={text === '' ? namespace : t('frame.namespacePlaceholder')}
        w={220}
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          // Picking a suggestion (no key press) switches at once, as typing + Enter does.
          if (isPick(event.nativeEvent) && suggestions.some((s) => s.name === value)) commit(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
        onFocus={() => setText('')}
        onBlur={() => setText(namespace)}
        error={text !== namespace && text !== '' && !isNamespaceName(text.trim())}
      />
      <datalist id={listId}>
        {suggestions.map(({ name, group }) => (
          <option key={name} value={name} label={group} />
        ))}
      </datalist>
    </>
  );
}

import { formatLabelSelector } from '@cci/model';
import { Alert, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLabelFilter } from '../resources/labelFilter.ts';
import { kindOf } from '../resources/resourceKinds.ts';
import { ActionError } from './ActionError.tsx';
import { actionQueries, type ActionTarget } from './actions.queries.ts';
import { DeleteConfirmation, DeleteModal } from './DeleteDialog.tsx';

interface Props {
  target: ActionTarget;
  /** The list's label filter, as a starting point. */
  initialSelector: string;
  onClose: () => void;
  onDeleted?: ((names: string[]) => void) | undefined;
}

/**
 * Delete by label selector (P11, L1): the server resolves the selector first and the
 * confirmation lists every matching object; exactly those are deleted, as `kubectl delete -l`.
 */
export function SelectorDeleteDialog({ target, initialSelector, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialSelector);
  const [settled] = useDebouncedValue(text, 300);
  const parsed = parseLabelFilter(settled);
  const selector = parsed.ok && parsed.selector ? formatLabelSelector(parsed.selector) : undefined;
  const supported = kindOf(target.plural).supportsSelectors;
  const matching = useQuery({
    ...actionQueries.matching(target.region, target.plural, target.namespace, selector ?? ''),
    enabled: supported && selector !== undefined && selector !== '',
  });
  const items = matching.data?.items ?? [];

  return (
    <DeleteModal target={target} onClose={onClose}>
      <Stack>
        {!supported && <Alert color="yellow">{t('actions.selectorUnsupported')}</Alert>}
        <TextInput
          label={t('actions.selectorLabel')}
          placeholder="app=web,tier!=db"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          description={t('actions.selectorRequired')}
          error={parsed.ok ? undefined : parsed.error}
          disabled={!supported}
          autoComplete="off"
        />
        {matching.isFetching && !matching.data && (
          <Loader size="sm" aria-label={t('app.loading')} />
        )}
        <ActionError error={matching.error} />
        {selector && matching.data && items.length === 0 && (
          <Text c="dimmed">{t('actions.selectorNoneMatch')}</Text>
        )}
        {selector && items.length > 0 && (
          <DeleteConfirmation
            key={selector}
            target={target}
            objects={items}
            intro={t('actions.selectorMatches', { selector, count: items.length })}
            disabled={text !== settled || matching.isFetching}
            onClose={onClose}
            onDeleted={onDeleted}
          />
        )}
      </Stack>
    </DeleteModal>
  );
}

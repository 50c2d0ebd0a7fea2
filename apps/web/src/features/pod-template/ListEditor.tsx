import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import type { Path } from '../forms/objectPath.ts';

interface Props {
  form: FormModel;
  path: Path;
  legend: string;
  /** The name of one item, for the add and remove buttons ("container", "variable" ...). */
  itemLabel: string;
  /** A new item (the list is created when absent and removed when emptied). */
  fresh: (index: number) => unknown;
  item: (path: Path, index: number) => ReactNode;
  /** A list that may not end up empty (containers). */
  keepOne?: boolean;
}

/** A list of a path's items with add and remove; items are edited through their own paths. */
export function ListEditor({ form, path, legend, itemLabel, fresh, item, keepOne }: Props) {
  const { t } = useTranslation();
  const value = form.get(path);
  const items = Array.isArray(value) ? value : [];
  const remove = (index: number) =>
    form.set(path, items.length === 1 ? undefined : items.filter((_, i) => i !== index));
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('podTemplate.none')}
          </Text>
        )}
        {items.map((_, index) => (
          <Group key={index} align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              {item([...path, index], index)}
            </Stack>
            {!(keepOne && items.length === 1) && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={24}
                aria-label={t('podTemplate.remove', { item: itemLabel, index: index + 1 })}
                onClick={() => remove(index)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => form.set(path, [...items, fresh(items.length)])}
          >
            {t('podTemplate.add', { item: itemLabel })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

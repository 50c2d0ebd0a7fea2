import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import { ActionDialog, availableActions, type OpenAction } from './ActionDialog.tsx';

interface Props {
  region: string;
  namespace: string;
  plural: ResourcePlural;
  /** Every object of the list (the dialogs read the freshest copy by name). */
  objects: readonly KubeObject[];
  /** The selected rows, in list order. */
  selected: readonly KubeObject[];
  /** The list's label filter: "delete by selector" starts from it. */
  labelFilter: string;
  /** Names that were deleted (the list drops them from its selection). */
  onDeleted: (names: string[]) => void;
}

/** The toolbar above a list: delete the selection or by selector; single-row actions. */
export function SelectionToolbar(props: Props) {
  const { region, namespace, plural, objects, selected, labelFilter, onDeleted } = props;
  const { t } = useTranslation();
  const [action, setAction] = useState<OpenAction | undefined>();
  const can = availableActions(plural);
  const only = selected.length === 1 ? selected[0]?.metadata.name : undefined;
  return (
    <Group gap="xs">
      {can.labels && (
        <Button
          size="xs"
          variant="default"
          disabled={!only}
          onClick={() => only && setAction({ type: 'labels', name: only })}
        >
          {t('actions.editLabels')}
        </Button>
      )}
      {can.scale && (
        <Button
          size="xs"
          variant="default"
          disabled={!only}
          onClick={() => only && setAction({ type: 'scale', name: only })}
        >
          {t('actions.scale')}
        </Button>
      )}
      {can.rollback && (
        <Button
          size="xs"
          variant="default"
          disabled={!only}
          onClick={() => only && setAction({ type: 'rollback', name: only })}
        >
          {t('actions.rollback')}
        </Button>
      )}
      {can.delete && (
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={selected.length === 0}
          onClick={() => setAction({ type: 'delete', objects: [...selected] })}
        >
          {t('actions.deleteSelected', { count: selected.length })}
        </Button>
      )}
      {can.deleteBySelector && (
        <Button
          size="xs"
          color="red"
          variant="subtle"
          onClick={() => setAction({ type: 'deleteBySelector', selector: labelFilter })}
        >
          {t('actions.deleteBySelector')}
        </Button>
      )}
      <ActionDialog
        action={action}
        target={{ region, plural, namespace }}
        lookup={(name) => objects.find((o) => o.metadata.name === name)}
        onClose={() => setAction(undefined)}
        onDeleted={onDeleted}
      />
    </Group>
  );
}

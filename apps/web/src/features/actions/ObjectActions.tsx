import { Button, Menu } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { isResourcePlural, type ResourcePlural } from '../resources/resourceKinds.ts';
import { ActionDialog, availableActions, type OpenAction } from './ActionDialog.tsx';

interface Props {
  region: string;
  namespace: string;
  /** Any plural the details page opens; actions exist for the sidebar's kinds. */
  resource: string;
  object: KubeObject;
}

/** The "Actions" menu of a details page; after a delete it returns to the list. */
export function ObjectActions({ resource, ...rest }: Props) {
  if (!isResourcePlural(resource)) return null;
  return <ActionsMenu plural={resource} {...rest} />;
}

function ActionsMenu({
  region,
  namespace,
  plural,
  object,
}: Omit<Props, 'resource'> & { plural: ResourcePlural }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [action, setAction] = useState<OpenAction | undefined>();
  const can = availableActions(plural);
  const name = object.metadata.name;
  if (!can.delete && !can.labels) return null;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" size="xs">
            {t('actions.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {can.labels && (
            <Menu.Item onClick={() => setAction({ type: 'labels', name })}>
              {t('actions.editLabels')}
            </Menu.Item>
          )}
          {can.scale && (
            <Menu.Item onClick={() => setAction({ type: 'scale', name })}>
              {t('actions.scale')}
            </Menu.Item>
          )}
          {can.rollback && (
            <Menu.Item onClick={() => setAction({ type: 'rollback', name })}>
              {t('actions.rollback')}
            </Menu.Item>
          )}
          {can.delete && (
            <Menu.Item color="red" onClick={() => setAction({ type: 'delete', objects: [object] })}>
              {t('actions.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ActionDialog
        action={action}
        target={{ region, plural, namespace }}
        lookup={(n) => (n === name ? object : undefined)}
        onClose={() => setAction(undefined)}
        onDeleted={() =>
          void navigate({
            to: '/r/$region/ns/$namespace/$resource',
            params: { region, namespace, resource: plural },
          })
        }
      />
    </>
  );
}

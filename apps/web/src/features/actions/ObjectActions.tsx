import { Button, Menu } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logTargetOf } from '../logs/logTargets.ts';
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

const NONE = { delete: false, labels: false, scale: false, rollback: false };

/**
 * The "Actions" menu of a details page; after a delete it returns to the list. Kinds outside
 * the sidebar (ReplicaSets) have only "Logs", when they have pods to read.
 */
export function ObjectActions({ resource, ...rest }: Props) {
  const plural = isResourcePlural(resource) ? resource : undefined;
  return <ActionsMenu plural={plural} resource={resource} {...rest} />;
}

function ActionsMenu({
  region,
  namespace,
  resource,
  plural,
  object,
}: Props & { plural: ResourcePlural | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [action, setAction] = useState<OpenAction | undefined>();
  const can = plural ? availableActions(plural) : NONE;
  const name = object.metadata.name;
  // A workload's pods' logs (Deployments, Jobs, ReplicaSets, StatefulSets): the Logs tab.
  const logs = logTargetOf(object)?.view === 'workload';
  if (!can.delete && !can.labels && !logs) return null;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" size="xs">
            {t('actions.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {logs && (
            <Menu.Item
              onClick={() =>
                void navigate({
                  to: '/r/$region/ns/$namespace/$resource/$name',
                  params: { region, namespace, resource, name },
                  search: { tab: 'logs' },
                })
              }
            >
              {t('actions.logs')}
            </Menu.Item>
          )}
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
      {plural && (
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
      )}
    </>
  );
}

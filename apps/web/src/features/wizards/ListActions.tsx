import { Alert, Button, Group, Select } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../testids.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import { resourceKeys, resourceQueries } from '../resources/resources.queries.ts';
import { DeleteNamespaceDialog } from './DeleteNamespaceDialog.tsx';
import { deleteObject } from './wizards.queries.ts';

interface Props {
  region: string;
  namespace: string;
  plural: ResourcePlural;
}

/** The toolbar slot of a resource list: create (and manage) buttons for the kinds with wizards. */
export function ListActions({ region, namespace, plural }: Props) {
  const { t } = useTranslation();
  const params = { region, namespace };
  if (plural === 'namespaces') return <NamespaceActions region={region} namespace={namespace} />;
  if (plural === 'eippools') {
    return (
      <Group>
        <Button
          data-testid={testIds.createEipPool}

          renderRoot={(props) => (
            <Link {...props} to="/r/$region/ns/$namespace/create/eippool" params={params} />
          )}
        >
          {t('eipPools.create')}
        </Button>
        <Button
          variant="default"
          data-testid={testIds.manageEipPools}

          renderRoot={(props) => (
            <Link {...props} to="/r/$region/ns/$namespace/manage/eippools" params={params} />
          )}
        >
          {t('eipPools.manager')}
        </Button>
      </Group>
    );
  }
  if (plural === 'imagesnapshots') {
    return (
      <Group>
        <Button
          data-testid={testIds.createSnapshot}

          renderRoot={(props) => (
            <Link {...props} to="/r/$region/ns/$namespace/create/imagesnapshot" params={params} />
          )}
        >
          {t('snapshots.create')}
        </Button>
        <Button
          variant="default"
          data-testid={testIds.manageSnapshots}

          renderRoot={(props) => (
            <Link {...props} to="/r/$region/ns/$namespace/manage/imagesnapshots" params={params} />
          )}
        >
          {t('snapshots.overview')}
        </Button>
      </Group>
    );
  }
  return null;
}

/** N4: namespaces without a Network are abnormal; offer their network, and a guarded delete. */
function NamespaceActions({ region, namespace }: { region: string; namespace: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const namespaces = useQuery(resourceQueries.list(region, 'namespaces', namespace));
  const networks = useQuery(resourceQueries.allNetworks(region));
  const [target, setTarget] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const withNetwork = new Set(networks.data?.items.map((n) => n.metadata.namespace ?? ''));
  const abnormal = networks.data
    ? (namespaces.data?.items ?? [])
        .map((n) => n.metadata.name)
        .filter((name) => !withNetwork.has(name))
    : [];
  const names = (namespaces.data?.items ?? []).map((n) => n.metadata.name);
  return (
    <>
      <Group>
        <Button
          data-testid={testIds.createNamespace}

          renderRoot={(props) => (
            <Link
              {...props}
              to="/r/$region/ns/$namespace/create/namespace"
              params={{ region, namespace }}
            />
          )}
        >
          {t('nsWizard.createButton')}
        </Button>
        <Select
          aria-label={t('nsWizard.deletePick')}
          placeholder={t('nsWizard.deletePick')}
          data={names}
          value={target}
          onChange={setTarget}
          searchable
          data-testid={testIds.deleteNamespacePick}
        />
        <Button
          color="red"
          variant="outline"
          disabled={!target}
          onClick={() => setOpened(true)}
          data-testid={testIds.deleteNamespace}
        >
          {t('nsWizard.deleteNamespace')}
        </Button>
      </Group>
      {abnormal.length > 0 && (
        <Alert color="yellow" title={t('nsWizard.abnormalTitle')}>
          <Group>
            {abnormal.map((name) => (
              <Button
                key={name}
                size="xs"
                variant="light"
                data-testid={`${testIds.createNetworkFor}-${name}`}

                renderRoot={(props) => (
                  <Link
                    {...props}
                    to="/r/$region/ns/$namespace/create/namespace"
                    params={{ region, namespace }}
                    search={{ for: name }}
                  />
                )}
              >
                {t('nsWizard.createNetworkFor', { name })}
              </Button>
            ))}
          </Group>
        </Alert>
      )}
      {target && (
        <DeleteNamespaceDialog
          region={region}
          name={target}
          opened={opened}
          onClose={() => setOpened(false)}
          onConfirm={async () => {
            await deleteObject('namespaces', undefined, target);
            setOpened(false);
            setTarget(null);
            await queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });
          }}
        />
      )}
    </>
  );
}

import { Alert, Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Namespace } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import { resourceQueries } from '../resources/resources.queries.ts';

interface Props {
  region: string;
  namespace: string;
  plural: ResourcePlural;
}

/** The i18n namespaces of the buttons below, per list: the list route loads them first. */
export const listActionNamespaces: Partial<Record<string, Namespace[]>> = {
  namespaces: ['nsWizard'],
  eippools: ['eipPools'],
  imagesnapshots: ['snapshots'],
  deployments: ['workloads'],
};

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
  if (plural === 'deployments') {
    return (
      <Button
        data-testid={testIds.createDeployment}
        renderRoot={(props) => (
          <Link {...props} to="/r/$region/ns/$namespace/create/deployment" params={params} />
        )}
      >
        {t('workloads.create')}
      </Button>
    );
  }
  return null;
}

/**
 * N4: namespaces without a Network are abnormal; offer their network. Deleting goes through the
 * list's selection, whose confirmation lists what each namespace holds and wants names typed.
 */
function NamespaceActions({ region, namespace }: { region: string; namespace: string }) {
  const { t } = useTranslation();
  const namespaces = useQuery(resourceQueries.list(region, 'namespaces', namespace));
  const networks = useQuery(resourceQueries.allNetworks(region));
  const withNetwork = new Set(networks.data?.items.map((n) => n.metadata.namespace ?? ''));
  const abnormal = networks.data
    ? (namespaces.data?.items ?? [])
        .map((n) => n.metadata.name)
        .filter((name) => !withNetwork.has(name))
    : [];
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
    </>
  );
}

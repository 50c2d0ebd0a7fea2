import { Alert, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Namespace } from '../../i18n/i18n.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { LinkButton } from './LinkButton.tsx';

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
  jobs: ['workloads'],
  cronjobs: ['workloads'],
};

/** Lists whose kind has a form: its route's $workload, and the button's label. */
const workloadForms: Partial<Record<string, [string, string]>> = {
  deployments: ['deployment', 'workloads.create'],
  jobs: ['job', 'workloadForms.createJob'],
  cronjobs: ['cronjob', 'workloadForms.createCronJob'],
};

/** Per list: the wizard it opens, and the manager screen where there is one. */
const links = {
  eippools: {
    create: { to: '/r/$region/ns/$namespace/create/eippool', label: 'eipPools.create' },
    manage: { to: '/r/$region/ns/$namespace/manage/eippools', label: 'eipPools.manager' },
  },
  imagesnapshots: {
    create: { to: '/r/$region/ns/$namespace/create/imagesnapshot', label: 'snapshots.create' },
    manage: { to: '/r/$region/ns/$namespace/manage/imagesnapshots', label: 'snapshots.overview' },
  },
} as const;

/** The toolbar slot of a resource list: create (and manage) buttons for the kinds with wizards. */
export function ListActions({ region, namespace, plural }: Props) {
  const { t } = useTranslation();
  const params = { region, namespace };
  if (plural === 'namespaces') return <NamespaceActions region={region} namespace={namespace} />;
  const form = workloadForms[plural];
  if (form)
    return (
      <LinkButton
        to="/r/$region/ns/$namespace/form/$workload"
        params={{ ...params, workload: form[0] }}
      >
        {t(form[1])}
      </LinkButton>
    );
  if (!(plural in links)) return null;
  const { create, manage } = links[plural as keyof typeof links];
  return (
    <Group>
      <LinkButton to={create.to} params={params}>
        {t(create.label)}
      </LinkButton>
      {manage && (
        <LinkButton variant="default" to={manage.to} params={params}>
          {t(manage.label)}
        </LinkButton>
      )}
    </Group>
  );
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
  const to = '/r/$region/ns/$namespace/create/namespace';
  return (
    <>
      <Group>
        <LinkButton to={to} params={{ region, namespace }}>
          {t('nsWizard.createButton')}
        </LinkButton>
      </Group>
      {abnormal.length > 0 && (
        <Alert color="yellow" title={t('nsWizard.abnormalTitle')}>
          <Group>
            {abnormal.map((name) => (
              <LinkButton
                key={name}
                size="xs"
                variant="light"
                to={to}
                params={{ region, namespace }}
                search={{ for: name }}
              >
                {t('nsWizard.createNetworkFor', { name })}
              </LinkButton>
            ))}
          </Group>
        </Alert>
      )}
    </>
  );
}

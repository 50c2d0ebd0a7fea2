import { Alert, Anchor, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { resourceQueries } from '../resources/resources.queries.ts';
import { sessionQueries } from '../session/session.queries.ts';
import { listJobs, saveJob } from './namespaceJob.ts';
import {
  canCreate,
  checkNetwork,
  emptyNetwork,
  namespaceErrors,
  namespaceManifest,
  namespaceNameProblem,
  networkManifest,
  type Flavor,
  type NamespaceForm,
} from './namespaceForm.ts';
import { NamespaceJobView } from './NamespaceJobView.tsx';
import { NetworkFieldsForm } from './NetworkFieldsForm.tsx';
import { WizardShell } from '../wizard-shell/WizardShell.tsx';

export interface NamespaceWizardSearch {
  /** Resume the job of this namespace. */
  job?: string | undefined;
  /** Only add a Network to this existing namespace (N4: abnormal without one). */
  for?: string | undefined;
}

const DOMAIN_ID = 'network.alpha.kubernetes.io/domain-id';
const PROJECT_ID = 'network.alpha.kubernetes.io/project-id';

/** /r/:region/ns/:namespace/create/namespace — the namespace and network wizard (N1-N8). */
export function NamespaceWizard() {
  const { region, namespace } = useParams({ from: '/r/$region/ns/$namespace/create/namespace' });
  const search = useSearch({ from: '/r/$region/ns/$namespace/create/namespace' });
  if (search.job) return <NamespaceJobView key={search.job} region={region} name={search.job} />;
  return (
    <NamespaceFormView
      key={search.for ?? ''}
      region={region}
      namespace={namespace}
      existing={search.for}
    />
  );
}

interface FormViewProps {
  region: string;
  /** The namespace of the URL (namespace lists are keyed by it). */
  namespace: string;
  existing: string | undefined;
}

function NamespaceFormView({ region, namespace, existing }: FormViewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const session = useQuery(sessionQueries.current());
  const namespaces = useQuery(resourceQueries.list(region, 'namespaces', namespace));
  const networks = useQuery(resourceQueries.allNetworks(region));
  const existingNs = namespaces.data?.items.find((n) => n.metadata.name === existing);
  const [form, setForm] = useState<NamespaceForm>({
    flavor: 'general-computing',
    name: existing ?? '',
    enterpriseProject: '0',
    network: emptyNetwork,
  });
  const [confirmed, setConfirmed] = useState(false);
  const names = useMemo(
    () =>
      namespaces.data ? new Set(namespaces.data.items.map((n) => n.metadata.name)) : undefined,
    [namespaces.data],
  );

  // Prefill the account ids from the session (a Network of the project when IAM gave no id).
  const projectId = session.data?.project.id ?? '';
  const domainId =
    session.data?.domainId ||
    (networks.data?.items.find((n) => n.metadata.annotations?.[PROJECT_ID] === projectId)?.metadata
      .annotations?.[DOMAIN_ID] ??
      '');
  useEffect(() => {
    setForm((f) => ({
      ...f,
      network: {
        ...f.network,
        projectId: f.network.projectId || projectId,
        domainId: f.network.domainId || domainId,
      },
    }));
  }, [projectId, domainId]);
  useEffect(() => {
    const flavor = existingNs?.metadata.annotations?.['namespace.kubernetes.io/flavor'];
    const project = existingNs?.metadata.labels?.['sys_enterprise_project_id'];
    if (flavor === 'general-computing' || flavor === 'gpu-accelerated') {
      setForm((f) => ({ ...f, flavor, enterpriseProject: project ?? f.enterpriseProject }));
    }
  }, [existingNs]);

  const set = (patch: Partial<NamespaceForm>) => setForm((f) => ({ ...f, ...patch }));
  // An existing namespace is taken as it is; a new name must be free.
  const nameProblem = existing ? undefined : namespaceNameProblem(form.name, names);
  const nsErrors = namespaceErrors(form);
  const networkCheck = checkNetwork(form.name, form.network);
  const networkOk =
    Object.keys(networkCheck.errors).length === 0 &&
    (!networkCheck.serviceRangeOverlap || confirmed);
  const ready = existing ? networkOk : canCreate(form, names, confirmed);

  const create = () => {
    saveJob(localStorage, {
      region,
      name: form.name,
      namespace: namespaceManifest(form),
      network: networkManifest(form.name, form.network),
      intent: 'create',
    });
    void navigate({ to: '.', search: { job: form.name } });
  };
  const unfinished = existing ? [] : listJobs(localStorage, region);

  const documents = existing
    ? [networkManifest(form.name, form.network)]
    : [namespaceManifest(form), networkManifest(form.name, form.network)];
  const steps = [
    {
      label: t('nsWizard.stepType'),
      disabled: !!existing,
      ok: true,
      content: (
        <Radio.Group
          value={form.flavor}
          onChange={(v) => set({ flavor: v as Flavor })}
          label={t('nsWizard.flavorLabel')}
        >
          <Stack mt="xs">
            <Radio
              value="general-computing"
              label={t('nsWizard.flavorGeneral')}
              description={t('nsWizard.flavorGeneralHint')}
            />
            <Radio
              value="gpu-accelerated"
              label={t('nsWizard.flavorGpu')}
              description={t('nsWizard.flavorGpuHint')}
            />
          </Stack>
        </Radio.Group>
      ),
    },
    {
      label: t('nsWizard.stepName'),
      disabled: !!existing,
      ok: !nameProblem && nsErrors.length === 0,
      content: (
        <Stack>
          <TextInput
            label={t('nsWizard.name')}
            description={t('nsWizard.nameHint')}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value.trim() })}
            error={
              nameProblem && form.name !== ''
                ? t(`nsWizard.nameProblem.${nameProblem}`, { name: form.name })
                : undefined
            }
          />
          <TextInput
            label={t('nsWizard.enterpriseProject')}
            description={t('nsWizard.enterpriseProjectHint')}
            value={form.enterpriseProject}
            onChange={(e) => set({ enterpriseProject: e.currentTarget.value })}
            error={nsErrors[0]?.message[language]}
          />
        </Stack>
      ),
    },
    {
      label: t('nsWizard.stepNetwork'),
      ok: networkOk,
      content: (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('nsWizard.networkIntro')}
          </Text>
          <NetworkFieldsForm
            namespace={form.name}
            value={form.network}
            onChange={(network) => set({ network })}
            overlapConfirmed={confirmed}
            onOverlapConfirmed={setConfirmed}
          />
        </Stack>
      ),
    },
  ];

  return (
    <WizardShell
      title={existing ? t('nsWizard.networkTitle', { name: existing }) : t('nsWizard.title')}
      notice={
        unfinished.length > 0 && (
          <Alert color="blue" title={t('nsWizard.unfinished')}>
            <Group>
              {unfinished.map((name) => (
                <Anchor
                  key={name}
                  renderRoot={(p) => <Link {...p} to="." search={{ job: name }} />}
                >
                  {name}
                </Anchor>
              ))}
            </Group>
          </Alert>
        )
      }
      steps={steps}
      firstStep={existing ? 2 : 0}
      review={{
        stepLabel: t('nsWizard.stepReview'),
        intro: t(existing ? 'nsWizard.reviewNetworkOnly' : 'nsWizard.reviewIntro'),
        title: t('nsWizard.manifests'),
        documents,
      }}
      submit={{
        label: t(existing ? 'nsWizard.createNetwork' : 'nsWizard.create'),
        ready,
        onSubmit: create,
      }}
    />
  );
}

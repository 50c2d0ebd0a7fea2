import { Alert, Anchor, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkState, progressOf } from './namespaceJob.ts';
import { DeleteNamespaceDialog } from './DeleteNamespaceDialog.tsx';
import { NetworkFieldsForm } from './NetworkFieldsForm.tsx';
import { checkNetwork, networkManifest, type NetworkFields } from './namespaceForm.ts';
import { useNamespaceJob } from './useNamespaceJob.ts';

/** Fields of a Network manifest back in form shape (to correct them and retry). */
function fieldsOf(network: Record<string, unknown>): NetworkFields {
  const meta = (network['metadata'] ?? {}) as { annotations?: Record<string, string> };
  const spec = (network['spec'] ?? {}) as Record<string, string>;
  const a = meta.annotations ?? {};
  return {
    vpcId: spec['attachedVPC'] ?? '',
    subnetId: spec['subnetID'] ?? '',
    networkId: spec['networkID'] ?? '',
    cidr: spec['cidr'] ?? '',
    securityGroup: a['network.alpha.kubernetes.io/default-security-group'] ?? '',
    domainId: a['network.alpha.kubernetes.io/domain-id'] ?? '',
    projectId: a['network.alpha.kubernetes.io/project-id'] ?? '',
  };
}

function Step({ done, active, label }: { done: boolean; active: boolean; label: string }) {
  return (
    <List.Item icon={done ? '✓' : active ? <Loader size={12} /> : '○'}>
      <Text size="sm" c={done ? undefined : 'dimmed'}>
        {label}
      </Text>
    </List.Item>
  );
}

/** Progress of a namespace job; on a failed network, the way out (retry or delete). */
export function NamespaceJobView({ region, name }: { region: string; name: string }) {
  const { t } = useTranslation();
  const control = useNamespaceJob(region, name);
  const { job, phase } = control;
  const [fields, setFields] = useState<NetworkFields | undefined>(undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (!job) {
    return <Alert color="yellow">{t('nsWizard.noJob', { name })}</Alert>;
  }
  const progress = progressOf(phase);
  const retryFields = fields ?? fieldsOf(job.network);
  const retryCheck = checkNetwork(name, retryFields);
  const retryOk =
    Object.keys(retryCheck.errors).length === 0 && (!retryCheck.serviceRangeOverlap || confirmed);
  const state = networkState(control.network);
  return (
    <Stack>
      <Title order={3}>{t('nsWizard.jobTitle', { name })}</Title>
      {/* data-step: the job's machine state, which the text words for people. */}
      <Text size="sm" role="status" data-step={phase.step}>
        {t(`nsWizard.phase.${phase.step}`, { name })}
      </Text>
      <List spacing="xs" center>
        <Step
          done={progress.namespace}
          active={phase.step === 'creatingNamespace'}
          label={t('nsWizard.jobStepNamespace', { name })}
        />
        <Step
          done={progress.network}
          active={phase.step === 'creatingNetwork'}
          label={t('nsWizard.jobStepNetwork', { state: state || '-' })}
        />
        <Step
          done={progress.active}
          active={phase.step === 'networkInitializing'}
          label={t('nsWizard.jobStepActive')}
        />
      </List>
      {phase.step === 'done' && (
        <Alert color="green">
          <Group>
            <span>{t('nsWizard.done', { name })}</span>
            <Anchor
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/r/$region/ns/$namespace/$resource"
                  params={{ region, namespace: name, resource: 'pods' }}
                />
              )}
            >
              {t('nsWizard.open', { name })}
            </Anchor>
          </Group>
        </Alert>
      )}
      {phase.step === 'namespaceFailed' && (
        <Alert color="red" role="alert" title={t('nsWizard.namespaceFailedTitle')}>
          {phase.message} {t('nsWizard.nothingLeft')}
        </Alert>
      )}
      {phase.step === 'networkFailed' && (
        <Stack>
          <Alert color="red" role="alert" title={t('nsWizard.networkFailedTitle')}>
            <Stack gap="xs">
              <span>
                {phase.reason}: {phase.message}
              </span>
              <span>{t('nsWizard.namespaceStays', { name })}</span>
            </Stack>
          </Alert>
          <NetworkFieldsForm
            namespace={name}
            value={retryFields}
            onChange={setFields}
            overlapConfirmed={confirmed}
            onOverlapConfirmed={setConfirmed}
          />
          <Group>
            <Button
              disabled={!retryOk || control.busy}
              loading={control.busy}
              onClick={() => void control.retryNetwork(networkManifest(name, retryFields))}
            >
              {t('nsWizard.retryNetwork')}
            </Button>
            <Button color="red" variant="outline" onClick={() => setDeleting(true)}>
              {t('nsWizard.deleteNamespace')}
            </Button>
          </Group>
        </Stack>
      )}
      {phase.step === 'deleted' && <Alert color="gray">{t('nsWizard.deleted', { name })}</Alert>}
      <DeleteNamespaceDialog
        region={region}
        name={name}
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await control.deleteNamespace();
          setDeleting(false);
        }}
      />
    </Stack>
  );
}

import { Fieldset, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { IntOrStringField, NumberField, SelectField, TextField } from '../forms/fields.tsx';
import type { Path } from '../forms/objectPath.ts';
import { renamed, type WorkloadKind } from './workloadKinds.ts';
import { CronScheduleField } from './CronScheduleField.tsx';

/** Name, and what the kind itself holds besides its pod template. */
export function WorkloadSpecFields({ form, kind }: { form: FormModel; kind: WorkloadKind }) {
  const { t } = useTranslation();
  const name = form.get(['metadata', 'name']);
  return (
    <>
      <TextFieldName form={form} value={typeof name === 'string' ? name : ''} kind={kind} />
      {kind === 'Deployment' && <DeploymentFields form={form} />}
      {kind === 'Job' && <JobFields form={form} path={['spec']} />}
      {kind === 'CronJob' && (
        <>
          <CronScheduleField form={form} />
          <Group grow align="flex-start">
            <SelectField
              form={form}
              path={['spec', 'concurrencyPolicy']}
              label={t('workloadForms.concurrencyPolicy')}
              data={['Allow', 'Forbid', 'Replace'].map((v) => ({
                value: v,
                label: t(`workloadForms.concurrency.${v}`),
              }))}
            />
            <NumberField
              form={form}
              path={['spec', 'successfulJobsHistoryLimit']}
              min={0}
              label={t('workloadForms.successfulHistory')}
            />
            <NumberField
              form={form}
              path={['spec', 'failedJobsHistoryLimit']}
              min={0}
              label={t('workloadForms.failedHistory')}
            />
          </Group>
          <JobFields form={form} path={['spec', 'jobTemplate', 'spec']} />
        </>
      )}
    </>
  );
}

function TextFieldName({
  form,
  value,
  kind,
}: {
  form: FormModel;
  value: string;
  kind: WorkloadKind;
}) {
  const { t } = useTranslation();
  if (form.editing)
    return (
      <TextField form={form} path={['metadata', 'name']} label={t('workloadForms.name')} disabled />
    );
  return (
    <TextInputName
      value={value}
      label={t('workloadForms.name')}
      description={t(`workloadForms.nameHint.${kind}`)}
      error={value !== '' ? form.errorAt(['metadata', 'name']) : undefined}
      onChange={(next) => form.update((o) => renamed(o, next))}
    />
  );
}

function TextInputName(props: {
  value: string;
  label: string;
  description: string;
  error: ReactNode;
  onChange(value: string): void;
}) {
  return (
    <TextInput
      label={props.label}
      description={props.description}
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.currentTarget.value.trim())}
    />
  );
}

function DeploymentFields({ form }: { form: FormModel }) {
  const { t } = useTranslation();
  const strategy = form.get(['spec', 'strategy', 'type']);
  const type = strategy === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  return (
    <>
      <NumberField
        form={form}
        path={['spec', 'replicas']}
        min={0}
        label={t('workloadForms.replicas')}
      />
      <Fieldset legend={t('workloadForms.strategy')}>
        <SegmentedControl
          size="xs"
          value={type}
          aria-label={t('workloadForms.strategy')}
          onChange={(v) =>
            form.set(['spec', 'strategy'], v === 'Recreate' ? { type: 'Recreate' } : undefined)
          }
          data={['RollingUpdate', 'Recreate'].map((v) => ({
            value: v,
            label: t(`workloadForms.strategies.${v}`),
          }))}
        />
        {type === 'RollingUpdate' && (
          <Group grow align="flex-start">
            <IntOrStringField
              form={form}
              path={['spec', 'strategy', 'rollingUpdate', 'maxSurge']}
              label={t('workloadForms.maxSurge')}
              placeholder="25%"
            />
            <IntOrStringField
              form={form}
              path={['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']}
              label={t('workloadForms.maxUnavailable')}
              placeholder="25%"
            />
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('workloadForms.strategyHint')}
        </Text>
      </Fieldset>
    </>
  );
}

function JobFields({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <SelectField
        form={form}
        path={[...path, 'template', 'spec', 'restartPolicy']}
        label={t('workloadForms.restartPolicy')}
        data={['Never', 'OnFailure']}
      />
      <NumberField
        form={form}
        path={[...path, 'completions']}
        min={1}
        label={t('workloadForms.completions')}
      />
      <NumberField
        form={form}
        path={[...path, 'parallelism']}
        min={0}
        label={t('workloadForms.parallelism')}
      />
      <NumberField
        form={form}
        path={[...path, 'backoffLimit']}
        min={0}
        label={t('workloadForms.backoffLimit')}
      />
      <NumberField
        form={form}
        path={[...path, 'activeDeadlineSeconds']}
        min={1}
        label={t('workloadForms.activeDeadline')}
      />
    </Group>
  );
}

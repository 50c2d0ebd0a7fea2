import { Fieldset, SegmentedControl, Select, TagsInput } from '@mantine/core';
import { useState } from 'react';
import { gpuDriverAnnotation, gpuDrivers, gpuResourceNames, imagePullSecretName } from '@cci/model';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { FieldNotes } from '../forms/fields.tsx';
import { setMapEntry, type Path } from '../forms/objectPath.ts';
import { ContainerFields } from './ContainerFields.tsx';
import { ListEditor } from './ListEditor.tsx';
import { VolumeFields } from './VolumeFields.tsx';
import { freshContainer } from './podTemplateDefaults.ts';

interface Props {
  form: FormModel;
  /** Where the pod template is: ['spec', 'template'] in a Deployment or Job. */
  path: Path;
  flavor: string | undefined;
}

function usesGpu(spec: unknown): boolean {
  const containers = (spec as { containers?: { resources?: object }[] } | undefined)?.containers;
  const text = JSON.stringify(containers ?? []);
  return gpuResourceNames.some((n) => text.includes(n));
}

/** The pod template every workload form shares: containers, init containers, volumes, pulls. */
export function PodTemplateFields({ form, path, flavor }: Props) {
  const { t } = useTranslation();
  const spec = [...path, 'spec'];
  const [part, setPart] = useState('containers');
  const gpuNamespace = flavor === 'gpu-accelerated';
  const volumes = form.get([...spec, 'volumes']);
  const volumeNames = (Array.isArray(volumes) ? volumes : [])
    .map((v) => (v as { name?: unknown }).name)
    .filter((n): n is string => typeof n === 'string' && n !== '');
  const container = (init: boolean) => (p: Path) => (
    <ContainerFields
      form={form}
      path={p}
      init={init}
      gpuNamespace={gpuNamespace}
      volumeNames={volumeNames}
    />
  );
  const pullSecrets = form.get([...spec, 'imagePullSecrets']);
  const pullNames = (Array.isArray(pullSecrets) ? pullSecrets : []).map((s) =>
    String((s as { name?: unknown }).name ?? ''),
  );
  const annotations = [...path, 'metadata', 'annotations'];
  const driver = form.get([...annotations, gpuDriverAnnotation]);
  return (
    <>
      <FieldNotes form={form} path={spec} />
      <SegmentedControl
        value={part}
        onChange={setPart}
        aria-label={t('podTemplate.parts')}
        data={(['containers', 'initContainers', 'volumes'] as const).map((p) => ({
          value: p,
          label: t(`podTemplate.${p}`),
        }))}
      />
      {part === 'containers' && (
        <ListEditor
          form={form}
          path={[...spec, 'containers']}
          legend={t('podTemplate.containers')}
          itemLabel={t('podTemplate.containerItem')}
          fresh={(i) => freshContainer(i)}
          item={container(false)}
          keepOne
        />
      )}
      {part === 'initContainers' && (
        <ListEditor
          form={form}
          path={[...spec, 'initContainers']}
          legend={t('podTemplate.initContainers')}
          itemLabel={t('podTemplate.containerItem')}
          fresh={(i) => ({ ...freshContainer(i), name: `init-${i}` })}
          item={container(true)}
        />
      )}
      {part === 'volumes' && <VolumeFields form={form} path={spec} />}
      <Fieldset legend={t('podTemplate.pod')}>
        <TagsInput
          label={t('podTemplate.imagePullSecrets')}
          description={t('podTemplate.imagePullSecretsHint', { name: imagePullSecretName })}
          value={pullNames}
          onChange={(names) =>
            form.set(
              [...spec, 'imagePullSecrets'],
              names.length > 0 ? names.map((name) => ({ name })) : undefined,
            )
          }
          error={form.errorAt([...spec, 'imagePullSecrets'])}
        />
        {(gpuNamespace || usesGpu(form.get(spec)) || driver !== undefined) && (
          <Select
            label={t('podTemplate.gpuDriver')}
            data={[...gpuDrivers]}
            value={typeof driver === 'string' ? driver : null}
            clearable
            onChange={(v) =>
              form.update((o) => setMapEntry(o, annotations, gpuDriverAnnotation, v ?? undefined))
            }
            error={form.errorAt([...annotations, gpuDriverAnnotation])}
          />
        )}
      </Fieldset>
    </>
  );
}

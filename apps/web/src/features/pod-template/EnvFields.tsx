import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { SelectField, TextField } from '../forms/fields.tsx';
import type { Path } from '../forms/objectPath.ts';
import { ListEditor } from './ListEditor.tsx';

type EnvSource = 'value' | 'configMapKeyRef' | 'secretKeyRef' | 'fieldRef';

/** P5: a value, a ConfigMap or Secret key, or a field of the pod. */
export function envSourceOf(item: unknown): EnvSource {
  const from = (item as { valueFrom?: Record<string, unknown> } | undefined)?.valueFrom;
  if (from?.['configMapKeyRef']) return 'configMapKeyRef';
  if (from?.['secretKeyRef']) return 'secretKeyRef';
  if (from?.['fieldRef']) return 'fieldRef';
  return 'value';
}

const fieldPaths = ['metadata.name', 'metadata.namespace', 'status.podIP', 'spec.nodeName'];

function EnvItem({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  const item = (form.get(path) ?? {}) as Record<string, unknown>;
  const source = envSourceOf(item);
  const setSource = (next: string) => {
    const name = item['name'];
    if (next === 'value') form.set(path, { name, value: '' });
    else if (next === 'fieldRef')
      form.set(path, { name, valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    else form.set(path, { name, valueFrom: { [next]: { name: '', key: '' } } });
  };
  const ref = [...path, 'valueFrom', source];
  return (
    <>
      <Group grow align="flex-start">
        <TextField form={form} path={[...path, 'name']} label={t('podTemplate.envName')} />
        <SegmentedControl
          size="xs"
          mt={24}
          value={source}
          onChange={setSource}
          aria-label={t('podTemplate.envSource')}
          data={(['value', 'configMapKeyRef', 'secretKeyRef', 'fieldRef'] as const).map((s) => ({
            value: s,
            label: t(`podTemplate.envSources.${s}`),
          }))}
        />
      </Group>
      {source === 'value' && (
        <TextField form={form} path={[...path, 'value']} label={t('podTemplate.envValue')} />
      )}
      {(source === 'configMapKeyRef' || source === 'secretKeyRef') && (
        <Group grow>
          <TextField
            form={form}
            path={[...ref, 'name']}
            label={t(`podTemplate.refName.${source}`)}
          />
          <TextField form={form} path={[...ref, 'key']} label={t('podTemplate.refKey')} />
        </Group>
      )}
      {source === 'fieldRef' && (
        <SelectField
          form={form}
          path={[...ref, 'fieldPath']}
          label={t('podTemplate.fieldPath')}
          data={fieldPaths}
        />
      )}
    </>
  );
}

export function EnvFields({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  return (
    <>
      <ListEditor
        form={form}
        path={[...path, 'env']}
        legend={t('podTemplate.env')}
        itemLabel={t('podTemplate.envItem')}
        fresh={() => ({ name: '', value: '' })}
        item={(itemPath) => <EnvItem form={form} path={itemPath} />}
      />
      <ListEditor
        form={form}
        path={[...path, 'envFrom']}
        legend={t('podTemplate.envFrom')}
        itemLabel={t('podTemplate.envFromItem')}
        fresh={() => ({ configMapRef: { name: '' } })}
        item={(itemPath) => <EnvFromItem form={form} path={itemPath} />}
      />
    </>
  );
}

function EnvFromItem({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  const item = (form.get(path) ?? {}) as Record<string, unknown>;
  const source = item['secretRef'] ? 'secretRef' : 'configMapRef';
  return (
    <Group grow align="flex-start">
      <SegmentedControl
        size="xs"
        mt={24}
        value={source}
        aria-label={t('podTemplate.envFromSource')}
        onChange={(next) => form.set(path, { [next]: { name: '' } })}
        data={[
          { value: 'configMapRef', label: t('podTemplate.envSources.configMapKeyRef') },
          { value: 'secretRef', label: t('podTemplate.envSources.secretKeyRef') },
        ]}
      />
      <TextField form={form} path={[...path, source, 'name']} label={t('podTemplate.sourceName')} />
      <TextField form={form} path={[...path, 'prefix']} label={t('podTemplate.prefix')} />
    </Group>
  );
}

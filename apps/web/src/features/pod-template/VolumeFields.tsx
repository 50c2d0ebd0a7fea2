import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { TextField } from '../forms/fields.tsx';
import type { Path } from '../forms/objectPath.ts';
import { ListEditor } from './ListEditor.tsx';

const volumeKinds = ['persistentVolumeClaim', 'configMap', 'secret', 'emptyDir'] as const;
type VolumeKind = (typeof volumeKinds)[number];

/** Which source a volume has (the form edits these four; others are kept as they are). */
export function volumeKindOf(volume: unknown): VolumeKind | undefined {
  const v = (volume ?? {}) as Record<string, unknown>;
  return volumeKinds.find((k) => v[k] !== undefined);
}

/** The field naming the source object, per kind (emptyDir has none). */
const sourceField: Record<VolumeKind, string | undefined> = {
  persistentVolumeClaim: 'claimName',
  configMap: 'name',
  secret: 'secretName',
  emptyDir: undefined,
};

function VolumeItem({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  const volume = (form.get(path) ?? {}) as Record<string, unknown>;
  const kind = volumeKindOf(volume);
  const field = kind && sourceField[kind];
  return (
    <Group grow align="flex-start">
      <TextField form={form} path={[...path, 'name']} label={t('podTemplate.volumeName')} />
      <Select
        label={t('podTemplate.volumeKind')}
        data={volumeKinds.map((k) => ({ value: k, label: t(`podTemplate.volumeKinds.${k}`) }))}
        value={kind ?? null}
        placeholder={t('podTemplate.volumeOther')}
        allowDeselect={false}
        onChange={(next) => {
          if (!next) return;
          const fieldName = sourceField[next as VolumeKind];
          form.set(path, {
            name: volume['name'],
            [next]: fieldName ? { [fieldName]: '' } : {},
          });
        }}
      />
      {kind && field && (
        <TextField
          form={form}
          path={[...path, kind, field]}
          label={t(`podTemplate.volumeSource.${kind}`)}
        />
      )}
    </Group>
  );
}

/** The pod's volumes: PVC, ConfigMap, Secret or emptyDir; containers mount them by name. */
export function VolumeFields({ form, path }: { form: FormModel; path: Path }) {
  const { t } = useTranslation();
  return (
    <ListEditor
      form={form}
      path={[...path, 'volumes']}
      legend={t('podTemplate.volumes')}
      itemLabel={t('podTemplate.volumeItem')}
      fresh={(i) => ({ name: `volume-${i}`, emptyDir: {} })}
      item={(p) => <VolumeItem form={form} path={p} />}
    />
  );
}

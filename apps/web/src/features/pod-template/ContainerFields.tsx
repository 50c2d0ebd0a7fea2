import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { LinesField, NumberField, SelectField, TextField } from '../forms/fields.tsx';
import type { Path } from '../forms/objectPath.ts';
import { EnvFields } from './EnvFields.tsx';
import { ListEditor } from './ListEditor.tsx';
import { ProbeFields } from './ProbeFields.tsx';
import { ResourceFields } from './ResourceFields.tsx';

interface Props {
  form: FormModel;
  path: Path;
  init: boolean;
  gpuNamespace: boolean;
  volumeNames: string[];
}

/** One container (app or init): image, command, environment, ports, resources, probes, mounts. */
export function ContainerFields({ form, path, init, gpuNamespace, volumeNames }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow align="flex-start">
        <TextField form={form} path={[...path, 'name']} label={t('podTemplate.containerName')} />
        <TextField
          form={form}
          path={[...path, 'image']}
          label={t('podTemplate.image')}
          placeholder="nginx:alpine"
        />
      </Group>
      <Group grow align="flex-start">
        <LinesField
          form={form}
          path={[...path, 'command']}
          label={t('podTemplate.command')}
          description={t('podTemplate.commandHint')}
        />
        <LinesField
          form={form}
          path={[...path, 'args']}
          label={t('podTemplate.args')}
          description={t('podTemplate.argsHint')}
        />
      </Group>
      <ResourceFields form={form} path={path} gpuNamespace={gpuNamespace} />
      <EnvFields form={form} path={path} />
      {!init && (
        <ListEditor
          form={form}
          path={[...path, 'ports']}
          legend={t('podTemplate.ports')}
          itemLabel={t('podTemplate.portItem')}
          fresh={() => ({ containerPort: 80, protocol: 'TCP' })}
          item={(p) => (
            <Group grow align="flex-start">
              <NumberField
                form={form}
                path={[...p, 'containerPort']}
                min={1}
                max={65535}
                label={t('podTemplate.containerPort')}
              />
              <SelectField
                form={form}
                path={[...p, 'protocol']}
                label={t('podTemplate.protocol')}
                data={['TCP', 'UDP']}
              />
              <TextField form={form} path={[...p, 'name']} label={t('podTemplate.portName')} />
            </Group>
          )}
        />
      )}
      <ListEditor
        form={form}
        path={[...path, 'volumeMounts']}
        legend={t('podTemplate.mounts')}
        itemLabel={t('podTemplate.mountItem')}
        fresh={() => ({ name: volumeNames[0] ?? '', mountPath: '' })}
        item={(p) => (
          <Group grow align="flex-start">
            <SelectField
              form={form}
              path={[...p, 'name']}
              label={t('podTemplate.mountVolume')}
              data={volumeNames}
            />
            <TextField form={form} path={[...p, 'mountPath']} label={t('podTemplate.mountPath')} />
            <TextField form={form} path={[...p, 'subPath']} label={t('podTemplate.subPath')} />
            <Checkbox
              mt={30}
              label={t('podTemplate.readOnly')}
              checked={form.get([...p, 'readOnly']) === true}
              onChange={(e) => form.set([...p, 'readOnly'], e.currentTarget.checked || undefined)}
            />
          </Group>
        )}
      />
      {!init && <ProbeFields form={form} path={path} />}
    </>
  );
}

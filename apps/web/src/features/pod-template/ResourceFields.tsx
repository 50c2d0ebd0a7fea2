import { Group, Select, Text } from '@mantine/core';
import { gpuCounts, gpuResourceNames } from '@cci/model';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { setMapEntry, type Path } from '../forms/objectPath.ts';
import { cpuChoices, memoryChoices } from '../workloads/workloadForm.ts';

type Resources = { limits?: Record<string, unknown>; requests?: Record<string, unknown> };

/** The value of one resource: its limit, else its request. */
export function resourceValue(resources: Resources | undefined, name: string): string | undefined {
  const value = resources?.limits?.[name] ?? resources?.requests?.[name];
  return value === undefined ? undefined : String(value);
}

/** Sets one resource as both limit and request (CCI bills limits and wants them equal). */
export function setResource<T>(object: T, path: Path, name: string, value: unknown): T {
  const limits = setMapEntry(object, [...path, 'limits'], name, value);
  return setMapEntry(limits, [...path, 'requests'], name, value);
}

function withCurrent(choices: readonly string[], current: string | undefined): string[] {
  return current === undefined || choices.includes(current) ? [...choices] : [current, ...choices];
}

/**
 * A container's CPU, memory and GPUs as a calculator: each choice sets limit and request to one
 * value, GPU types and card counts are the ones CCI offers, and only a GPU namespace offers them.
 */
export function ResourceFields(props: { form: FormModel; path: Path; gpuNamespace: boolean }) {
  const { form, gpuNamespace } = props;
  const { t } = useTranslation();
  const path = [...props.path, 'resources'];
  const resources = form.get(path) as Resources | undefined;
  const set = (name: string, value: unknown) =>
    form.update((o) => setResource(o, path, name, value));
  const gpu = gpuResourceNames.find((n) => resourceValue(resources, n) !== undefined);
  const cpu = resourceValue(resources, 'cpu');
  const memory = resourceValue(resources, 'memory');
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label={t('podTemplate.cpu')}
          data={withCurrent(cpuChoices, cpu)}
          value={cpu ?? null}
          onChange={(v) => set('cpu', v ?? undefined)}
          clearable
          error={form.errorAt([...path, 'limits', 'cpu'])}
        />
        <Select
          label={t('podTemplate.memory')}
          data={withCurrent(memoryChoices, memory)}
          value={memory ?? null}
          onChange={(v) => set('memory', v ?? undefined)}
          clearable
          error={form.errorAt([...path, 'limits', 'memory'])}
        />
      </Group>
      {(gpuNamespace || gpu !== undefined) && (
        <Group grow align="flex-start">
          <Select
            label={t('podTemplate.gpuType')}
            data={[...gpuResourceNames]}
            value={gpu ?? null}
            clearable
            onChange={(v) =>
              form.update((o) => {
                const count = gpu ? resourceValue(resources, gpu) : undefined;
                const cleared = gpu ? setResource(o, path, gpu, undefined) : o;
                return v ? setResource(cleared, path, v, Number(count ?? 1)) : cleared;
              })
            }
            error={gpu ? form.errorAt([...path, 'limits', gpu]) : undefined}
          />
          <Select
            label={t('podTemplate.gpuCount')}
            data={gpuCounts.map(String)}
            value={gpu ? (resourceValue(resources, gpu) ?? null) : null}
            disabled={gpu === undefined}
            onChange={(v) => gpu && set(gpu, v ? Number(v) : undefined)}
          />
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('podTemplate.resourcesHint')}
      </Text>
    </>
  );
}

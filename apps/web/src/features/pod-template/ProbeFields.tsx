import { Fieldset, Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormModel } from '../forms/formModel.tsx';
import { IntOrStringField, LinesField, NumberField, TextField } from '../forms/fields.tsx';
import type { Path } from '../forms/objectPath.ts';

type ProbeKind = 'none' | 'httpGet' | 'tcpSocket' | 'exec';
export const probeNames = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export function probeKindOf(probe: unknown): ProbeKind {
  const p = probe as Record<string, unknown> | undefined;
  if (!p) return 'none';
  if (p['httpGet']) return 'httpGet';
  if (p['tcpSocket']) return 'tcpSocket';
  if (p['exec']) return 'exec';
  return 'none';
}

const freshHandler: Record<Exclude<ProbeKind, 'none'>, unknown> = {
  httpGet: { path: '/', port: 80 },
  tcpSocket: { port: 80 },
  exec: { command: ['cat', '/tmp/healthy'] },
};

/** One probe (liveness, readiness, startup): HTTP, TCP or a command, and its timing. */
function ProbeField({ form, path, name }: { form: FormModel; path: Path; name: string }) {
  const { t } = useTranslation();
  const probePath = [...path, name];
  const probe = form.get(probePath) as Record<string, unknown> | undefined;
  const kind = probeKindOf(probe);
  const setKind = (next: string) => {
    if (next === 'none') return form.set(probePath, undefined);
    const timing = { ...probe };
    for (const k of ['httpGet', 'tcpSocket', 'exec', 'grpc']) delete timing[k];
    form.set(probePath, { ...timing, [next]: freshHandler[next as Exclude<ProbeKind, 'none'>] });
  };
  return (
    <Fieldset legend={t(`podTemplate.probes.${name}`)} variant="filled">
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={setKind}
        aria-label={t(`podTemplate.probes.${name}`)}
        data={(['none', 'httpGet', 'tcpSocket', 'exec'] as const).map((k) => ({
          value: k,
          label: t(`podTemplate.probeKinds.${k}`),
        }))}
      />
      {kind === 'httpGet' && (
        <Group grow>
          <TextField
            form={form}
            path={[...probePath, 'httpGet', 'path']}
            label={t('podTemplate.httpPath')}
          />
          <IntOrStringField
            form={form}
            path={[...probePath, 'httpGet', 'port']}
            label={t('podTemplate.probePort')}
          />
        </Group>
      )}
      {kind === 'tcpSocket' && (
        <IntOrStringField
          form={form}
          path={[...probePath, 'tcpSocket', 'port']}
          label={t('podTemplate.probePort')}
        />
      )}
      {kind === 'exec' && (
        <LinesField
          form={form}
          path={[...probePath, 'exec', 'command']}
          label={t('podTemplate.execCommand')}
        />
      )}
      {kind !== 'none' && (
        <Group grow>
          <NumberField
            form={form}
            path={[...probePath, 'initialDelaySeconds']}
            min={0}
            label={t('podTemplate.initialDelay')}
          />
          <NumberField
            form={form}
            path={[...probePath, 'periodSeconds']}
            min={1}
            label={t('podTemplate.period')}
          />
          <NumberField
            form={form}
            path={[...probePath, 'timeoutSeconds']}
            min={1}
            label={t('podTemplate.timeout')}
          />
          <NumberField
            form={form}
            path={[...probePath, 'failureThreshold']}
            min={1}
            label={t('podTemplate.failureThreshold')}
          />
        </Group>
      )}
    </Fieldset>
  );
}

export function ProbeFields({ form, path }: { form: FormModel; path: Path }) {
  return probeNames.map((name) => <ProbeField key={name} form={form} path={path} name={name} />);
}

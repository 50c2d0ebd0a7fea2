import { Badge, Code, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  stateTone,
  type ContainerState,
  type ContainerSummary,
  type EnvEntry,
} from './containerSummary.ts';

const toneColor = { ok: 'green', warn: 'yellow', bad: 'red', done: 'gray' } as const;
const stateKey = {
  running: 'podOverview.stateRunning',
  waiting: 'podOverview.stateWaiting',
  terminated: 'podOverview.stateTerminated',
  unknown: 'podOverview.stateUnknown',
} as const;

/** "Terminated: OOMKilled, exit code 137 (since …)": the state in one line. */
function useStateText() {
  const { t } = useTranslation();
  return (s: ContainerState) =>
    [
      t(stateKey[s.kind]),
      s.reason,
      s.exitCode === undefined ? '' : t('podOverview.exitCode', { code: s.exitCode }),
      s.since ? t('podOverview.since', { time: s.since }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
}

function useEnvText() {
  const { t } = useTranslation();
  return (e: EnvEntry) => {
    const s = e.source;
    const prefix =
      'prefix' in s && s.prefix ? ` (${t('podOverview.envPrefix', { prefix: s.prefix })})` : '';
    switch (s.from) {
      case 'value':
        return t('podOverview.envValue');
      case 'secret':
        return t('podOverview.envSecret', { name: s.name, key: s.key });
      case 'configMap':
        return t('podOverview.envConfigMap', { name: s.name, key: s.key });
      case 'field':
        return t('podOverview.envField', { path: s.path });
      case 'resource':
        return t('podOverview.envResource', { resource: s.resource });
      case 'secretAll':
        return t('podOverview.envSecretAll', { name: s.name }) + prefix;
      case 'configMapAll':
        return t('podOverview.envConfigMapAll', { name: s.name }) + prefix;
    }
  };
}

const resources = (r: Record<string, string>, none: string) =>
  Object.entries(r)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ') || none;

/** One container: its state as a coloured badge, then what kubectl describe lists for it. */
export function ContainerCard({ container: c }: { container: ContainerSummary }) {
  const { t } = useTranslation();
  const stateText = useStateText();
  const envText = useEnvText();
  const none = t('podOverview.none');
  const rows: [string, ReactNode][] = [
    [t('podOverview.image'), <Code key="image">{c.image}</Code>],
    [t('podOverview.state'), stateText(c.state)],
    ...(c.state.message ? [['', c.state.message] as [string, ReactNode]] : []),
    ...(c.lastTermination
      ? [[t('podOverview.lastTermination'), stateText(c.lastTermination)] as [string, ReactNode]]
      : []),
    [t('podOverview.ports'), c.ports.join(', ') || none],
    [t('podOverview.requests'), resources(c.requests, none)],
    [t('podOverview.limits'), resources(c.limits, none)],
  ];
  const probeKey = {
    liveness: 'podOverview.probeLiveness',
    readiness: 'podOverview.probeReadiness',
    startup: 'podOverview.probeStartup',
  } as const;
  for (const p of c.probes)
    rows.push([`${t('podOverview.probes')}: ${t(probeKey[p.kind])}`, p.text]);
  if (c.env.length > 0) {
    rows.push([
      t('podOverview.env'),
      <Text key="env" size="sm" component="div">
        {c.env.map((e, i) => (
          <div key={`${e.name}-${i}`}>
            {e.name && <Code>{e.name}</Code>} {envText(e)}
          </div>
        ))}
      </Text>,
    ]);
  }
  if (c.mounts.length > 0) {
    rows.push([
      t('podOverview.mounts'),
      <Text key="mounts" size="sm" component="div">
        {c.mounts.map((m) => (
          <div key={`${m.volume}-${m.path}`}>
            <Code>{m.path}</Code> ← {m.volume}
            {m.subPath && ` (${t('podOverview.subPath', { path: m.subPath })})`}
            {m.readOnly && ` · ${t('podOverview.readOnly')}`}
          </div>
        ))}
      </Text>,
    ]);
  }
  return (
    <Paper withBorder p="sm" component="article" aria-label={c.name}>
      <Group gap="xs" mb="xs">
        <Text fw={600}>{c.name}</Text>
        <Badge color={toneColor[stateTone(c)]} variant="light">
          {c.state.reason || t(stateKey[c.state.kind])}
        </Badge>
        {!c.init && (
          <Badge color={c.ready ? 'green' : 'gray'} variant="outline">
            {t(c.ready ? 'podOverview.ready' : 'podOverview.notReady')}
          </Badge>
        )}
        <Badge color={c.restarts > 0 ? 'orange' : 'gray'} variant="outline">
          {t('podOverview.restarts', { count: c.restarts })}
        </Badge>
      </Group>
      <Table verticalSpacing={2} withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([label, value], i) => (
            <Table.Tr key={`${label}-${i}`}>
              <Table.Th w={180} fw={500}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

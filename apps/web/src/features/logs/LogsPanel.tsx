import { Alert, Button, Group, Loader, Menu, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logsApi } from '../../lib/kube/bff.ts';
import { ApiError } from '../../lib/kube/http.ts';
import { LogLines } from './LogLines.tsx';
import { LogsToolbar, type LogSettings } from './LogsToolbar.tsx';
import { findMatches, stepMatch } from './logModel.ts';
import { podCountText, type ContainerChoice } from './logTargets.ts';
import { useLogStreams } from './useLogStreams.ts';

interface Props {
  namespace: string;
  /** The pod, or the workload's pods (live: pods that start while following join). */
  pods: readonly string[];
  /** How many pods the workload has; more than `pods` when only some are read. */
  totalPods?: number;
  /** The workload's pods whose containers have not started: no log yet. */
  waitingPods?: number;
  containers: readonly ContainerChoice[];
  workload: boolean;
}

/** The Logs tab: settings, the virtualized log, search, download, and why a follow ended. */
export default function LogsPanel({
  namespace,
  pods,
  totalPods,
  waitingPods = 0,
  containers,
  workload,
}: Props) {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState<LogSettings>({
    container: containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '',
    follow: true,
    previous: false,
    since: 'all',
    tail: 1000,
    timestamps: false,
    wrap: false,
  });
  const [paused, setPaused] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const [jump, setJump] = useState(0);
  const following = settings.follow && !settings.previous;
  const options = {
    follow: following,
    previous: settings.previous,
    // Always asked: workload lines are merged by it; showing it is a display choice.
    timestamps: true,
    sinceSeconds: settings.since === 'all' ? undefined : Number(settings.since),
    tailLines: settings.tail,
  };
  const sources = useMemo(
    () => pods.map((pod) => ({ pod, container: settings.container })),
    [pods, settings.container],
  );
  const logs = useLogStreams(namespace, sources, options, workload);
  const count = paused ?? logs.lines.length;
  const matches = useMemo(
    () => findMatches(logs.lines.slice(0, count), query),
    // version stands for the lines (mutated in place)
    [logs.version, count, query],
  );
  const step = (by: 1 | -1) => setCurrent((c) => stepMatch(matches.length, c, by));
  const podsText = podCountText(t, pods.length, totalPods ?? pods.length, waitingPods);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const downloadOptions = {
    container: settings.container || undefined,
    previous: settings.previous,
    timestamps: settings.timestamps,
    sinceSeconds: options.sinceSeconds,
  };

  return (
    <Stack gap="sm">
      <LogsToolbar
        settings={settings}
        onChange={(next) => {
          setSettings(next);
          setPaused(undefined);
          setCurrent(-1);
        }}
        containers={containers}
        following={following}
        paused={paused !== undefined}
        onPause={() => setPaused(paused === undefined ? logs.lines.length : undefined)}
        onJump={() => {
          setPaused(undefined);
          setJump((j) => j + 1);
        }}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          // Typing goes to the first match; Enter / next / previous step from there.
          setCurrent(q === '' ? -1 : 0);
        }}
        matches={matches.length}
        current={current}
        onStep={step}
      />
      <Group gap="xs" justify="space-between">
        <Text size="sm" c="dimmed">
          {t('logs.lines', { count })}
          {workload ? ` · ${podsText}` : ''}
        </Text>
        {pods.length === 1 ? (
          <Button
            component="a"
            size="xs"
            variant="default"
            href={logsApi.downloadHref(namespace, pods[0] as string, downloadOptions)}
            download
          >
            {t('logs.download')}
          </Button>
        ) : (
          pods.length > 1 && (
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="default">
                  {t('logs.download')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {pods.map((pod) => (
                  <Menu.Item
                    key={pod}
                    component="a"
                    href={logsApi.downloadHref(namespace, pod, downloadOptions)}
                    download
                  >
                    {t('logs.downloadPod', { pod })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )
        )}
      </Group>
      {paused !== undefined && (
        <Alert color="yellow" py={4}>
          {t('logs.paused')}
        </Alert>
      )}
      {Object.entries(logs.errors).map(([pod, error]) => (
        <Alert key={pod} color="red" py={4}>
          {t('logs.failed', {
            pod,
            message: error instanceof ApiError ? error.localized(language) : error.message,
          })}
        </Alert>
      ))}
      {Object.entries(logs.ends).map(([pod, end]) => (
        <Alert key={pod} color={end === 'completed' ? 'blue' : 'orange'} py={4} role="status">
          {t(`logs.end.${end}`, { pod })}
        </Alert>
      ))}
      {workload && pods.length === 0 && waitingPods === 0 && (
        <Text c="dimmed">{t('logs.noPods')}</Text>
      )}
      {logs.loading && <Loader size="sm" aria-label={t('logs.loading')} />}
      {!logs.loading && count === 0 && pods.length > 0 && <Text c="dimmed">{t('logs.empty')}</Text>}
      <LogLines
        lines={logs.lines}
        count={count}
        version={logs.version}
        timestamps={settings.timestamps}
        wrap={settings.wrap}
        query={query}
        current={current >= 0 ? matches[current] : undefined}
        stickToEnd={following && paused === undefined && current < 0}
        jump={jump}
      />
    </Stack>
  );
}

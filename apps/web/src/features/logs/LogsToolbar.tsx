import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContainerChoice } from './logTargets.ts';

export interface LogSettings {
  container: string;
  follow: boolean;
  previous: boolean;
  /** 'all' or seconds. */
  since: 'all' | '300' | '3600' | '86400';
  /** Last lines; undefined: the whole log. */
  tail: number | undefined;
  timestamps: boolean;
  wrap: boolean;
}

interface Props {
  settings: LogSettings;
  onChange: (next: LogSettings) => void;
  containers: readonly ContainerChoice[];
  following: boolean;
  paused: boolean;
  onPause: () => void;
  onJump: () => void;
  query: string;
  onQuery: (query: string) => void;
  matches: number;
  current: number;
  onStep: (by: 1 | -1) => void;
}

const sinceChoices = ['all', '300', '3600', '86400'] as const;

/** The Logs tab's controls: what to read (container, instance, range) and how to show it. */
export function LogsToolbar(p: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<LogSettings>) => p.onChange({ ...p.settings, ...patch });
  const s = p.settings;
  return (
    <Stack gap={8}>
      <Group gap="sm" align="end">
        {p.containers.length > 1 && (
          <Select
            label={t('logs.container')}
            size="xs"
            value={s.container}
            allowDeselect={false}
            data={p.containers.map((c) => ({
              value: c.name,
              label: c.init ? t('logs.initContainer', { name: c.name }) : c.name,
            }))}
            onChange={(v) => v && set({ container: v })}
          />
        )}
        <Select
          label={t('logs.since')}
          size="xs"
          w={140}
          value={s.since}
          allowDeselect={false}
          data={sinceChoices.map((v) => ({
            value: v,
            label: t(v === 'all' ? 'logs.sinceOption.all' : `logs.sinceOption.s${v}`),
          }))}
          onChange={(v) => v && set({ since: v as LogSettings['since'] })}
        />
        <NumberInput
          label={t('logs.tail')}
          size="xs"
          w={110}
          min={1}
          max={1_000_000}
          value={s.tail ?? ''}
          onChange={(v) => set({ tail: typeof v === 'number' && v > 0 ? v : undefined })}
        />
        <Switch
          label={t('logs.follow')}
          checked={s.follow}
          onChange={(e) => set({ follow: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('logs.previous')}
          checked={s.previous}
          onChange={(e) => set({ previous: e.currentTarget.checked })}
        />
        <Switch
          label={t('logs.timestamps')}
          checked={s.timestamps}
          onChange={(e) => set({ timestamps: e.currentTarget.checked })}
        />
        <Switch
          label={t('logs.wrap')}
          checked={s.wrap}
          onChange={(e) => set({ wrap: e.currentTarget.checked })}
        />
      </Group>
      <Group gap="xs" align="center">
        <TextInput
          size="xs"
          w={260}
          placeholder={t('logs.search')}
          aria-label={t('logs.search')}
          value={p.query}
          onChange={(e) => p.onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') p.onStep(e.shiftKey ? -1 : 1);
          }}
        />
        <ActionIcon
          variant="default"
          aria-label={t('logs.previousMatch')}
          onClick={() => p.onStep(-1)}
          disabled={p.matches === 0}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label={t('logs.nextMatch')}
          onClick={() => p.onStep(1)}
          disabled={p.matches === 0}
        >
          ↓
        </ActionIcon>
        {p.query !== '' && (
          <Text size="xs" c="dimmed" role="status">
            {p.matches === 0
              ? t('logs.noMatches')
              : t('logs.matches', { count: p.matches, current: Math.max(p.current, 0) + 1 })}
          </Text>
        )}
        {p.following && (
          <Button size="xs" variant="default" onClick={p.onPause}>
            {p.paused ? t('logs.resume') : t('logs.pause')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={p.onJump}>
          {t('logs.jumpToEnd')}
        </Button>
      </Group>
    </Stack>
  );
}

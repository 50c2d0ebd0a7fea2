import { Checkbox, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SnapshotMode, WorkloadForm } from './workloadForm.ts';
import type { ProblemsView } from './workloadProblems.ts';

type SnapshotFields = WorkloadForm['snapshot'];

interface Props {
  snapshot: SnapshotFields;
  /** Every image snapshot with its phase (a specified one must be Available, S3). */
  snapshots: { name: string; phase: string }[];
  problems: ProblemsView;
  onChange: (patch: Partial<SnapshotFields>) => void;
}

const modes: SnapshotMode[] = ['none', 'auto', 'specified'];

/** S3: no snapshot, auto-match, or a named snapshot (auto-match then "false" unless asked). */
export function WorkloadSnapshotFields({ snapshot, snapshots, problems, onChange }: Props) {
  const { t } = useTranslation();
  const message = problems.errorOf('snapshot');
  const error = message && <span role="alert">{message}</span>;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('workloads.snapshotTitle')}
      </Text>
      <SegmentedControl
        aria-label={t('workloads.snapshotTitle')}
        value={snapshot.mode}
        onChange={(v) => onChange({ mode: v as SnapshotMode })}
        data={modes.map((m) => ({ value: m, label: t(`workloads.snapshotMode.${m}`) }))}
      />
      {snapshot.mode === 'auto' && (
        <Text size="xs" c="dimmed">
          {t('workloads.autoHint')}
        </Text>
      )}
      {snapshot.mode === 'specified' && (
        <>
          <Select
            label={t('workloads.snapshotName')}
            description={t('workloads.snapshotNameHint')}
            data={snapshots.map((s) => ({
              value: s.name,
              label: t('workloads.snapshotPhase', { name: s.name, phase: s.phase }),
            }))}
            value={snapshot.name === '' ? null : snapshot.name}
            onChange={(v) => onChange({ name: v ?? '' })}
            error={error}
          />
          <Checkbox
            label={t('workloads.autoMatchToo')}
            description={t('workloads.autoMatchTooHint')}
            checked={snapshot.autoMatch}
            onChange={(e) => onChange({ autoMatch: e.currentTarget.checked })}
          />
        </>
      )}
      {snapshot.mode === 'auto' && error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

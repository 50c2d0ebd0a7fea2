import {
  Alert,
  Checkbox,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { eipBandwidthSizeRange, eipChargeModes, eipNetworkTypes } from '@cci/model';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { EipFields, EipMode } from './workloadForm.ts';
import { problemText, type ProblemsView } from './workloadProblems.ts';

interface Props {
  eip: EipFields;
  pools: string[];
  problems: ProblemsView;
  onChange: (patch: Partial<EipFields>) => void;
}

const modes: EipMode[] = ['none', 'pool', 'withPod', 'existing'];

/** Per-pod EIP: from a pool (E4), created with the pod (EIP1) or an existing one (EIP2). */
export function WorkloadEipFields({ eip, pools, problems, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notes = [...problems.notesOf('eipId'), ...problems.notesOf('eipPool')];
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('workloads.eipTitle')}
      </Text>
      <SegmentedControl
        aria-label={t('workloads.eipTitle')}
        value={eip.mode}
        onChange={(v) => onChange({ mode: v as EipMode })}
        data={modes.map((m) => ({ value: m, label: t(`workloads.eipMode.${m}`) }))}
      />
      {eip.mode === 'pool' && (
        <Select
          label={t('workloads.eipPool')}
          description={t('workloads.eipPoolHint')}
          placeholder={pools.length === 0 ? t('workloads.noPools') : undefined}
          data={pools}
          value={eip.pool === '' ? null : eip.pool}
          onChange={(v) => onChange({ pool: v ?? '' })}
          error={problems.errorOf('eipPool')}
        />
      )}
      {eip.mode === 'withPod' && (
        <WithPodFields eip={eip} problems={problems} onChange={onChange} />
      )}
      {eip.mode === 'existing' && (
        <TextInput
          label={t('workloads.eipId')}
          description={t('workloads.eipIdHint')}
          value={eip.eipId}
          onChange={(e) => onChange({ eipId: e.currentTarget.value })}
          error={problems.errorOf('eipId')}
        />
      )}
      {notes.map((p) => (
        <Alert key={p.rule + (p.message?.en ?? '')} color="yellow">
          {problemText(p, t, language)}
        </Alert>
      ))}
      {eip.mode !== 'none' && (
        <>
          <Checkbox
            label={t('workloads.waitForEip')}
            description={t('workloads.waitForEipHint')}
            checked={eip.waitForEip}
            onChange={(e) => onChange({ waitForEip: e.currentTarget.checked })}
            error={problems.errorOf('waitForEip')}
          />
          <Text size="xs" c="dimmed">
            {t('workloads.priorityNote')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('workloads.creationOnlyNote')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function WithPodFields({ eip, problems, onChange }: Omit<Props, 'pools'>) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('workloads.withPodHint')}
      </Text>
      <Switch
        label={t('workloads.sharedBandwidth')}
        checked={eip.sharedBandwidth}
        onChange={(e) => onChange({ sharedBandwidth: e.currentTarget.checked })}
      />
      {eip.sharedBandwidth ? (
        <TextInput
          label={t('workloads.bandwidthId')}
          description={t('workloads.bandwidthIdHint')}
          value={eip.bandwidthId}
          onChange={(e) => onChange({ bandwidthId: e.currentTarget.value })}
          error={problems.errorOf('bandwidthId')}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('workloads.bandwidthSize')}
            description={t('workloads.bandwidthSizeHint')}
            min={eipBandwidthSizeRange.min}
            max={eipBandwidthSizeRange.max}
            value={eip.bandwidthSize}
            onChange={(v) => onChange({ bandwidthSize: v })}
            error={problems.errorOf('bandwidthSize')}
          />
          <Select
            label={t('workloads.networkType')}
            data={[...eipNetworkTypes]}
            value={eip.networkType}
            onChange={(v) => onChange({ networkType: v ?? '5_bgp' })}
            error={problems.errorOf('networkType')}
            allowDeselect={false}
          />
          <Select
            label={t('workloads.chargeMode')}
            data={eipChargeModes.map((m) => ({ value: m, label: t(`workloads.chargeModes.${m}`) }))}
            value={eip.chargeMode}
            onChange={(v) => onChange({ chargeMode: v ?? 'bandwidth' })}
            error={problems.errorOf('chargeMode')}
            allowDeselect={false}
          />
          <TextInput
            label={t('workloads.bandwidthName')}
            description={t('workloads.bandwidthNameHint')}
            value={eip.bandwidthName}
            onChange={(e) => onChange({ bandwidthName: e.currentTarget.value })}
            error={problems.errorOf('bandwidthName')}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

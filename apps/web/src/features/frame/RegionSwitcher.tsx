import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';
import { regionLabel } from '../session/regionLabel.ts';
import { sessionQueries } from '../session/session.queries.ts';

interface Props {
  region: string;
  onChange: (region: string) => void;
}

export function RegionSwitcher({ region, onChange }: Props) {
  const { t } = useTranslation();
  const regions = useQuery(sessionQueries.regions()).data?.regions ?? [
    { id: region, name: region },
  ];
  const language = currentLanguage();
  return (
    <Select
      aria-label={t('common.region')}
      data-testid={testIds.regionSwitcher}
      w={240}
      allowDeselect={false}
      value={region}
      data={regions.map((r) => ({ value: r.id, label: regionLabel(r.id, r.name, language) }))}
      onChange={(value) => value && value !== region && onChange(value)}
    />
  );
}

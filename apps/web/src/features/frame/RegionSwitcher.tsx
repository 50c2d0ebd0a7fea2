import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { regionLabel } from '../session/regionLabel.ts';
import { sessionQueries } from '../session/session.queries.ts';

interface Props {
  region: string;
  onChange: (region: string) => void;
}

/**
 * A native select: the first screen downloads no combobox or popover code for it (see "Bundle"
 * in docs/architecture.md); the browser's own list is as accessible.
 */
export function RegionSwitcher({ region, onChange }: Props) {
  const { t } = useTranslation();
  const regions = useQuery(sessionQueries.regions()).data?.regions ?? [
    { id: region, name: region },
  ];
  const language = currentLanguage();
  return (
    <NativeSelect
      aria-label={t('common.region')}
      w={240}
      value={region}
      data={regions.map((r) => ({ value: r.id, label: regionLabel(r.id, r.name, language) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (value && value !== region) onChange(value);
      }}
    />
  );
}

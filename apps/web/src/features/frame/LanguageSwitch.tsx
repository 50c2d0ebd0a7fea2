import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../../i18n/i18n.ts';
import { testIds } from '../../testids.ts';

const labels: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** Language names are written in their own language, so they are not translated. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      data-testid={testIds.languageSwitch}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value === 'en' ? 'en' : 'zh-CN')}
      data={(['zh-CN', 'en'] as const).map((value) => ({ value, label: labels[value] }))}
    />
  );
}

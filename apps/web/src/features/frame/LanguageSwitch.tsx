import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../../i18n/i18n.ts';

const labels: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * Two toggle buttons (aria-pressed) rather than a SegmentedControl: the same choice without its
 * animated indicator's code on the first screen. Language names are written in their own
 * language, so they are not translated.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Button.Group aria-label={t('common.language')}>
      {(['zh-CN', 'en'] as const).map((language) => (
        <Button
          key={language}
          size="xs"
          variant={language === active ? 'filled' : 'default'}
          aria-pressed={language === active}
          onClick={() => void setLanguage(language)}
        >
          {labels[language]}
        </Button>
      ))}
    </Button.Group>
  );
}

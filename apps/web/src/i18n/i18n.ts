import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from './catalogs.ts';

export type Language = 'en' | 'zh-CN';
export const languages: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'cci.language';

/** Stored choice first, then the browser's preference; Chinese for any zh-*, else English. */
export function initialLanguage(
  stored: string | null,
  navigatorLanguages: readonly string[],
): Language {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const tag of navigatorLanguages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export function initI18n(): typeof i18next {
  const language = initialLanguage(readStored(), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: catalogs.en },
      'zh-CN': { translation: catalogs['zh-CN'] },
    },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

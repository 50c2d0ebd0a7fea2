import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  catalogLoaders,
  startupNamespaces,
  type Language,
  type Namespace,
  type Strings,
} from './catalogs.ts';

export type { Language, Namespace } from './catalogs.ts';
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

/** The namespaces some screen has asked for: a language switch loads them all first. */
const wanted = new Set<Namespace>(startupNamespaces);
/** What is in i18next already, per language (a promise while it downloads). */
const loaded = new Map<string, Promise<void>>();

function addBundle(language: Language, namespace: Namespace, strings: Strings): void {
  i18next.addResourceBundle(language, 'translation', strings, true, true);
  loaded.set(`${language}/${namespace}`, Promise.resolve());
}

function ensureLoaded(language: Language, names: Iterable<Namespace>): Promise<void> {
  const pending = [...names].map((namespace) => {
    const key = `${language}/${namespace}`;
    let done = loaded.get(key);
    if (!done) {
      done = catalogLoaders[namespace][language]().then((strings) => {
        i18next.addResourceBundle(language, 'translation', strings, true, true);
      });
      // A failed download (offline) is tried again by the next screen that needs it.
      done.catch(() => loaded.delete(key));
      loaded.set(key, done);
    }
    return done;
  });
  return Promise.all(pending).then(() => undefined);
}

/**
 * Makes a screen's namespaces available in the current language (route loaders await it, so
 * no raw key is ever painted), and remembers them for a later language switch.
 */
export function loadNamespaces(...names: Namespace[]): Promise<void> {
  for (const name of names) wanted.add(name);
  return ensureLoaded(currentLanguage(), names);
}

/** Downloads every namespace in use in the new language, then switches (no raw keys between). */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await ensureLoaded(language, wanted);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Starts i18next in `language` with the catalogs given (synchronous; tests pass them all). */
export function initI18n(
  language: Language,
  catalogs: Partial<Record<Namespace, Strings>> = {},
): typeof i18next {
  loaded.clear(); // init replaces i18next's store
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    initAsync: false,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    // A namespace added after a component rendered (a late loader) re-renders it.
    react: { bindI18nStore: 'added' },
  });
  for (const [namespace, strings] of Object.entries(catalogs) as [Namespace, Strings][]) {
    addBundle(language, namespace, strings);
  }
  return i18next;
}

/** The app's start: the stored or browser language, with its startup catalogs downloaded. */
export async function startI18n(): Promise<typeof i18next> {
  const language = initialLanguage(readStored(), navigator.languages ?? [navigator.language]);
  const i18n = initI18n(language);
  await ensureLoaded(language, startupNamespaces);
  return i18n;
}

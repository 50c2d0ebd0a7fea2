import { isDns1123Label } from '@cci/model';

const STORAGE_KEY = 'cci.recentNamespaces';
const MAX_RECENT = 8;

export function rememberedNamespaces(storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** Most recent first, without duplicates, at most MAX_RECENT. */
export function rememberNamespace(
  namespace: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): string[] {
  const next = [namespace, ...rememberedNamespaces(storage).filter((n) => n !== namespace)].slice(
    0,
    MAX_RECENT,
  );
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: remembering is a convenience only.
  }
  return next;
}

/** DNS-1123 label, what a namespace name must be; typed names are checked before navigating. */
export function isNamespaceName(text: string): boolean {
  return isDns1123Label(text);
}

import { findRegion } from '@cci/model';
import type { Language } from '../../i18n/i18n.ts';

/** A1: the region's name in the UI language, from the model's table; the BFF's name otherwise. */
export function regionLabel(
  id: string,
  given: string | { en: string; 'zh-CN': string } | undefined,
  language: Language,
): string {
  const name = findRegion(id)?.name ?? given;
  const text = typeof name === 'string' ? name : name?.[language];
  return text ? `${text} (${id})` : id;
}

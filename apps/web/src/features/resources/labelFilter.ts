import { matchesLabels, parseLabelSelector, type LabelSelector } from '@cci/model';

/** Whether an object's labels pass the list's label filter. */
export type LabelMatcher = (labels: Readonly<Record<string, string>>) => boolean;

export type ParsedFilter =
  | { ok: true; selector: LabelSelector | undefined; matches: LabelMatcher | undefined }
  | { ok: false; error: string };

/**
 * L1: the label filter box; empty means no filter; errors come from @cci/model's parser. The
 * matcher comes with the parse so the list's first load carries neither (useLabelFilter.ts).
 */
export function parseLabelFilter(text: string): ParsedFilter {
  if (text.trim() === '') return { ok: true, selector: undefined, matches: undefined };
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) return parsed;
  const { selector } = parsed;
  return { ok: true, selector, matches: (labels) => matchesLabels(selector, labels) };
}

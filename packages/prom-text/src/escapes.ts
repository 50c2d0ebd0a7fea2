import { BACKSLASH } from './chars.ts';

/**
 * The docstring of a HELP line, text[start, end): `\\` and `\n` are its only escapes (a quote
 * needs none there). Returns the text or the reason it is invalid.
 */
export function unescapeHelp(text: string, start: number, end: number): string | { error: string } {
  let i = start;
  while (i < end && text.charCodeAt(i) !== BACKSLASH) i++;
  if (i === end) return text.slice(start, end);
  let out = '';
  let segment = start;
  while (i < end) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (i + 1 >= end) return { error: 'a lone "\\" at the end of the line (write "\\\\")' };
    if (next !== BACKSLASH && next !== 110) {
      return { error: `invalid escape "\\${text[i + 1]}" (HELP text allows only \\\\ and \\n)` };
    }
    out += text.slice(segment, i) + (next === BACKSLASH ? '\\' : '\n');
    i += 2;
    segment = i;
  }
  return out + text.slice(segment, end);
}

/** Inverse of the label-value unescaping: what an exporter writes between the quotes. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** Inverse of unescapeHelp. */
export function escapeHelp(value: string): string {
  return value.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

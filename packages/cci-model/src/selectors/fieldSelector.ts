// Field selectors (`--field-selector`, `fieldSelector=`): `field=value`, `field==value`,
// `field!=value`, ANDed with commas. As in Kubernetes, `\`, `,` and `=` inside a value are
// escaped with a backslash. Unlike Kubernetes, blanks around a term are ignored.

export type FieldOperator = 'Equals' | 'NotEquals';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldOperator;
  readonly value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
}

export type FieldSelectorResult =
  { ok: true; selector: FieldSelector } | { ok: false; error: string };

/** Splits on commas that are not escaped. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

const termOperators: readonly [string, FieldOperator][] = [
  ['!=', 'NotEquals'],
  ['==', 'Equals'],
  ['=', 'Equals'],
];

function splitTerm(term: string): [string, FieldOperator, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    if (term.charAt(i) === '\\') {
      i++;
      continue;
    }
    for (const [symbol, operator] of termOperators) {
      if (term.startsWith(symbol, i))
        return [term.slice(0, i), operator, term.slice(i + symbol.length)];
    }
  }
  return undefined;
}

type Unescaped = { ok: true; value: string } | { ok: false; error: string };

function unescapeValue(raw: string): Unescaped {
  let value = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch === '\\') {
      const next = raw.charAt(i + 1);
      if (next !== '\\' && next !== ',' && next !== '=') {
        return {
          ok: false,
          error: `invalid field selector: invalid escape sequence: \\${next}`,
        };
      }
      value += next;
      i++;
    } else if (ch === ',' || ch === '=') {
      return { ok: false, error: `invalid field selector: unescaped character in value: ${ch}` };
    } else value += ch;
  }
  return { ok: true, value };
}

export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

export function parseFieldSelector(text: string): FieldSelectorResult {
  const requirements: FieldRequirement[] = [];
  const terms = splitTerms(text)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .sort();
  for (const term of terms) {
    const parts = splitTerm(term);
    const field = parts?.[0].trim() ?? '';
    if (!parts || field === '') {
      return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    }
    const value = unescapeValue(parts[2].trim());
    if (!value.ok) return value;
    requirements.push({ field, operator: parts[1], value: value.value });
  }
  return { ok: true, selector: { requirements } };
}

/** `getField` answers undefined for an absent field, which compares as the empty string. */
export function fieldSelectorMatches(
  selector: FieldSelector,
  getField: (path: string) => string | undefined,
): boolean {
  return selector.requirements.every((r) => {
    const equal = (getField(r.field) ?? '') === r.value;
    return r.operator === 'Equals' ? equal : !equal;
  });
}

export function formatFieldSelector(selector: FieldSelector): string {
  return selector.requirements
    .map((r) => `${r.field}${r.operator === 'Equals' ? '=' : '!='}${escapeFieldValue(r.value)}`)
    .join(',');
}

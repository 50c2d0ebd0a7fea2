import {
  BACKSLASH,
  CLOSE_BRACE,
  COMMA,
  EQUALS,
  QUOTE,
  isBlank,
  isLabelNamePart,
  isLabelNameStart,
} from './chars.ts';

/**
 * State shared across the label sets of one parse. `nextQuote` / `nextBackslash` cache the first
 * '"' / '\' at or after some earlier position (text.length when there is none), so locating a
 * label value costs one indexOf amortised over the whole text rather than a char loop per value.
 */
export interface LabelCursor {
  /** Where the label set ended (after '}'). */
  pos: number;
  /** Why the label set is invalid, when parsing it returned undefined. */
  error: string;
  nextQuote: number;
  nextBackslash: number;
  /**
   * The label names of the previous label set, by position. Exporters repeat the same names in
   * the same order, so a name is usually recognised with one startsWith and the same (internalized)
   * string is reused as the property key, which keeps object creation on V8's fast path.
   */
  names: string[];
  /**
   * names[0, distinct) are known to be pairwise different (they were the names of a label set
   * that parsed), so a set whose names all matched them so far cannot have a duplicate yet.
   */
  distinct: number;
}

/**
 * Reads `name="value", ...}` from text[start, end) (start is just after '{') and sets cursor.pos
 * after the '}'. Blanks around the tokens and a trailing comma are allowed, as in Prometheus.
 */
export function parseLabelSet(
  text: string,
  start: number,
  end: number,
  cursor: LabelCursor,
): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = start;
  let index = 0;
  for (;;) {
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (i >= end) return fail(cursor, 'unterminated label set (missing "}")');
    let c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) break;
    if (!isLabelNameStart(c))
      return fail(cursor, `invalid label name at "${text.slice(i, Math.min(end, i + 40))}"`);
    const cachedName = cursor.names[index];
    let name: string;
    if (
      cachedName !== undefined &&
      text.startsWith(cachedName, i) &&
      !isLabelNamePart(text.charCodeAt(i + cachedName.length))
    ) {
      name = cachedName;
      i += cachedName.length;
    } else {
      const nameStart = i;
      while (i < end && isLabelNamePart(text.charCodeAt(i))) i++;
      name = internalized(text.slice(nameStart, i));
      cursor.names[index] = name;
      if (cursor.distinct > index) cursor.distinct = index;
    }
    const mayRepeat = index >= cursor.distinct;
    index++;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== EQUALS || i >= end)
      return fail(cursor, `expected "=" after label name "${name}"`);
    i++;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== QUOTE || i >= end)
      return fail(cursor, `expected a quoted value for label "${name}"`);
    i++;
    if (cursor.nextQuote < i) cursor.nextQuote = indexOrLength(text, '"', i);
    if (cursor.nextBackslash < i) cursor.nextBackslash = indexOrLength(text, '\\', i);
    let value: string;
    const quote = cursor.nextQuote;
    if (quote < end && quote < cursor.nextBackslash) {
      value = text.slice(i, quote);
      i = quote + 1;
    } else {
      const escaped = readEscapedValue(text, i, end, name, cursor);
      if (escaped === undefined) return undefined;
      value = escaped;
      i = cursor.pos;
    }
    if (mayRepeat && labels[name] !== undefined && Object.hasOwn(labels, name))
      return fail(cursor, `duplicate label "${name}"`);
    if (name === '__name__') return fail(cursor, 'label name "__name__" is reserved');
    if (name === '__proto__') {
      Object.defineProperty(labels, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      labels[name] = value;
    }
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    c = i < end ? text.charCodeAt(i) : -1;
    if (c === COMMA) i++;
    else if (c !== CLOSE_BRACE) return fail(cursor, `expected "," or "}" after label "${name}"`);
  }
  cursor.pos = i + 1;
  cursor.distinct = index;
  return labels;
}

/** A label value with escapes, from just after its opening quote; sets cursor.pos after the closing one. */
function readEscapedValue(
  text: string,
  start: number,
  end: number,
  name: string,
  cursor: LabelCursor,
): string | undefined {
  let out = '';
  let segment = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      cursor.pos = i + 1;
      return out + text.slice(segment, i);
    }
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    if (i + 1 >= end) break;
    const next = text.charCodeAt(i + 1);
    let unescaped: string;
    if (next === BACKSLASH) unescaped = '\\';
    else if (next === QUOTE) unescaped = '"';
    else if (next === 110) unescaped = '\n';
    else
      return fail(
        cursor,
        `invalid escape "\\${text[i + 1]}" in the value of label "${name}" (allowed: \\\\, \\" and \\n)`,
      );
    out += text.slice(segment, i) + unescaped;
    i += 2;
    segment = i;
  }
  return fail(cursor, `unterminated value of label "${name}" (missing closing quote)`);
}

/**
 * The engine's own copy of a name (what property keys are): storing a property under it takes
 * the fast path, where a fresh slice of the text must be looked up in the engine's table first.
 */
function internalized(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}

export function indexOrLength(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

function fail(cursor: LabelCursor, error: string): undefined {
  cursor.error = error;
  return undefined;
}

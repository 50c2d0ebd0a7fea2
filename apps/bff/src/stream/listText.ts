/**
 * The text of a list body's top-level `items` array, found without building the objects, so a
 * list page goes on to the tabs as CCI wrote it instead of being serialized again (for 30,000
 * pods that was ~0.6 s of BFF CPU per page open; scanning costs ~1 ms per 500-pod page). The
 * body must be valid JSON (it was parsed already); undefined when there is no such array.
 */
export function itemsText(body: string): string | undefined {
  let i = skipSpace(body, 0);
  if (body.charCodeAt(i) !== OPEN_OBJECT) return undefined;
  i = skipSpace(body, i + 1);
  while (body.charCodeAt(i) === QUOTE) {
    const keyEnd = skipString(body, i);
    const key = body.slice(i, keyEnd);
    i = skipSpace(body, keyEnd);
    if (body.charCodeAt(i) !== COLON) return undefined;
    const start = skipSpace(body, i + 1);
    const end = skipValue(body, start);
    if (key === '"items"') {
      return body.charCodeAt(start) === OPEN_ARRAY ? body.slice(start, end) : undefined;
    }
    i = skipSpace(body, end);
    if (body.charCodeAt(i) !== COMMA) return undefined;
    i = skipSpace(body, i + 1);
  }
  return undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

function skipSpace(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
  return i;
}

/** From an opening quote to just after the closing one. */
function skipString(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = s.indexOf('"', j);
    if (quote === -1) return s.length;
    let backslashes = 0;
    while (s.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

function skipValue(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first === QUOTE) return skipString(s, i);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    let j = i;
    for (let c = s.charCodeAt(j); j < s.length; c = s.charCodeAt(++j)) {
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c <= 32) break;
    }
    return j;
  }
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === QUOTE) j = skipString(s, j) - 1;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return s.length;
}

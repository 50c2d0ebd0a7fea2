// Tokenizer for the label selector language. Mirrors the Kubernetes lexer: identifiers run until
// whitespace or a symbol character, symbols are matched greedily ("!=" before "!"), and the words
// "in"/"notin" are keywords (the parser may read them back as identifiers in value position).

export type LabelTokenType =
  | 'identifier'
  | 'in'
  | 'notin'
  | 'doesNotExist'
  | 'equals'
  | 'doubleEquals'
  | 'notEquals'
  | 'greaterThan'
  | 'lessThan'
  | 'openPar'
  | 'closedPar'
  | 'comma'
  | 'end';

export interface LabelToken {
  readonly type: LabelTokenType;
  readonly literal: string;
  /** Offset of the token's first character in the selector text (text length for `end`). */
  readonly position: number;
}

const symbolTokens: ReadonlyMap<string, LabelTokenType> = new Map([
  ['!', 'doesNotExist'],
  ['!=', 'notEquals'],
  ['(', 'openPar'],
  [')', 'closedPar'],
  [',', 'comma'],
  ['=', 'equals'],
  ['==', 'doubleEquals'],
  ['>', 'greaterThan'],
  ['<', 'lessThan'],
]);

const symbolChars = new Set(['!', '=', '(', ')', ',', '>', '<']);

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

export function tokenizeLabelSelector(text: string): LabelToken[] {
  const tokens: LabelToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isWhitespace(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (symbolChars.has(ch)) {
      let literal = ch;
      i++;
      while (i < text.length && symbolTokens.has(literal + text.charAt(i))) {
        literal += text.charAt(i);
        i++;
      }
      const type = symbolTokens.get(literal);
      // Every single symbol character is itself a token, so the lookup cannot miss.
      if (type) tokens.push({ type, literal, position: start });
      continue;
    }
    while (i < text.length && !isWhitespace(text.charAt(i)) && !symbolChars.has(text.charAt(i))) {
      i++;
    }
    const literal = text.slice(start, i);
    const type = literal === 'in' ? 'in' : literal === 'notin' ? 'notin' : 'identifier';
    tokens.push({ type, literal, position: start });
  }
  tokens.push({ type: 'end', literal: '', position: text.length });
  return tokens;
}

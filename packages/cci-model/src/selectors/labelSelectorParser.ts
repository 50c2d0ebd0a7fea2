// Recursive-descent parser for label selector text, following the structure (and error wording)
// of the Kubernetes parser. Each error also names the offset of the offending token.
import { tokenizeLabelSelector } from './labelLexer.ts';
import type { LabelToken } from './labelLexer.ts';
import { newLabelRequirement, sortRequirements } from './labelRequirement.ts';
import { invalidValueMessage, labelKeyErrors } from './labelValidation.ts';
import type { LabelOperator, LabelRequirement } from './labelRequirement.ts';

class SelectorSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

interface PositionedValue {
  value: string;
  position: number;
}

const binaryOperators: ReadonlyMap<string, LabelOperator> = new Map([
  ['in', 'In'],
  ['notin', 'NotIn'],
  ['equals', 'Equals'],
  ['doubleEquals', 'Equals'],
  ['notEquals', 'NotEquals'],
  ['greaterThan', 'GreaterThan'],
  ['lessThan', 'LessThan'],
]);

class LabelSelectorParser {
  private index = 0;
  constructor(private readonly tokens: readonly LabelToken[]) {}

  /** Outside operator position the keywords `in`/`notin` are plain identifiers. */
  private peek(): LabelToken {
    const t = this.tokens[this.index] ?? this.tokens[this.tokens.length - 1];
    if (!t) throw new Error('token stream must end with an end token');
    return t.type === 'in' || t.type === 'notin' ? { ...t, type: 'identifier' } : t;
  }

  private next(keywords = false): LabelToken {
    const raw = this.tokens[this.index];
    const t = keywords && raw ? raw : this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  private fail(found: LabelToken, expected: string): never {
    throw new SelectorSyntaxError(
      `found '${found.literal}', expected: ${expected}`,
      found.position,
    );
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const ahead = this.peek();
      if (ahead.type === 'end') return sortRequirements(requirements);
      if (ahead.type !== 'identifier' && ahead.type !== 'doesNotExist') {
        this.fail(ahead, "!, identifier, or 'end of string'");
      }
      requirements.push(this.parseRequirement());
      const after = this.next();
      if (after.type === 'end') return sortRequirements(requirements);
      if (after.type !== 'comma') this.fail(after, "',' or 'end of string'");
      const following = this.peek();
      if (following.type !== 'identifier' && following.type !== 'doesNotExist') {
        this.fail(following, "identifier after ','");
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    try {
      return this.parseRequirementUnprefixed();
    } catch (e) {
      if (e instanceof SelectorSyntaxError) {
        throw new SelectorSyntaxError(`unable to parse requirement: ${e.message}`, e.position);
      }
      throw e;
    }
  }

  private parseRequirementUnprefixed(): LabelRequirement {
    let token = this.next();
    let negated = false;
    if (token.type === 'doesNotExist') {
      negated = true;
      token = this.next();
    }
    if (token.type !== 'identifier') this.fail(token, 'identifier');
    const key = token.literal;
    const keyToken = token;
    const keyErrors = labelKeyErrors(key);
    if (keyErrors.length > 0) {
      throw new SelectorSyntaxError(invalidValueMessage('key', key, keyErrors), token.position);
    }
    const ahead = this.peek();
    let operator: LabelOperator;
    let values: PositionedValue[] = [];
    if (negated || ahead.type === 'end' || ahead.type === 'comma') {
      operator = negated ? 'DoesNotExist' : 'Exists';
    } else {
      const opToken = this.next(true);
      const op = binaryOperators.get(opToken.type);
      if (!op) this.fail(opToken, 'in, notin, =, ==, !=, gt, lt');
      operator = op;
      values = op === 'In' || op === 'NotIn' ? this.parseValueList() : this.parseExactValue();
    }
    const result = newLabelRequirement(
      key,
      operator,
      values.map((v) => v.value),
    );
    if (result.ok) return result.requirement;
    const at = result.valueIndex === undefined ? undefined : values[result.valueIndex];
    throw new SelectorSyntaxError(result.error, at?.position ?? keyToken.position);
  }

  /** `( a, b )`; empty entries such as `(,a)` or `()` stand for the empty value. */
  private parseValueList(): PositionedValue[] {
    const open = this.next();
    if (open.type !== 'openPar') this.fail(open, "'('");
    const values: PositionedValue[] = [];
    const ahead = this.peek();
    if (ahead.type === 'closedPar') {
      this.next();
      return [{ value: '', position: ahead.position }];
    }
    if (ahead.type !== 'identifier' && ahead.type !== 'comma') {
      this.fail(ahead, "',', ')' or identifier");
    }
    let expectValue = true;
    for (;;) {
      const token = this.next();
      if (token.type === 'identifier' && expectValue) {
        values.push({ value: token.literal, position: token.position });
        expectValue = false;
      } else if (token.type === 'comma') {
        if (expectValue) values.push({ value: '', position: token.position });
        expectValue = true;
      } else if (token.type === 'closedPar') {
        if (expectValue) values.push({ value: '', position: token.position });
        return values;
      } else {
        this.fail(token, expectValue ? "',', ')' or identifier" : "',' or ')'");
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>`, `<`; nothing at all means the empty value. */
  private parseExactValue(): PositionedValue[] {
    const ahead = this.peek();
    if (ahead.type === 'end' || ahead.type === 'comma') {
      return [{ value: '', position: ahead.position }];
    }
    const token = this.next();
    if (token.type !== 'identifier') this.fail(token, 'identifier');
    return [{ value: token.literal, position: token.position }];
  }
}

export type ParsedRequirements =
  { ok: true; requirements: LabelRequirement[] } | { ok: false; error: string };

export function parseLabelRequirements(text: string): ParsedRequirements {
  try {
    const requirements = new LabelSelectorParser(tokenizeLabelSelector(text)).parse();
    return { ok: true, requirements };
  } catch (e) {
    if (!(e instanceof SelectorSyntaxError)) throw e;
    return { ok: false, error: `${e.message} (at position ${e.position})` };
  }
}

import { invalidValueMessage, labelKeyErrors, labelValueErrors } from './labelValidation.ts';

/**
 * Operators of a label requirement. `k==v` parses to `Equals` (the two spellings mean the same);
 * `GreaterThan`/`LessThan` (`k>1`, `k<1`) exist in the Kubernetes text grammar only.
 */
export type LabelOperator =
  'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'GreaterThan' | 'LessThan';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Sorted and without duplicates, as Kubernetes keeps them; empty for Exists/DoesNotExist. */
  readonly values: readonly string[];
}

/** Requirements ANDed together, sorted by key. No requirements = matches every object. */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
}

export type RequirementResult =
  | { ok: true; requirement: LabelRequirement }
  /** `valueIndex` points at the offending entry of the `values` given, when a value is at fault. */
  | { ok: false; error: string; valueIndex?: number };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Kubernetes reads Gt/Lt operands as base-10 int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

function operatorValueError(
  operator: LabelOperator,
  values: readonly string[],
): string | undefined {
  const shown = `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
  switch (operator) {
    case 'In':
    case 'NotIn':
      return values.length === 0
        ? `values: Invalid value: ${shown}: for 'in', 'notin' operators, values set can't be empty`
        : undefined;
    case 'Equals':
    case 'NotEquals':
      return values.length !== 1
        ? `values: Invalid value: ${shown}: exact-match compatibility requires one single value`
        : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length !== 0
        ? `values: Invalid value: ${shown}: values set must be empty for exists and does not exist`
        : undefined;
    case 'GreaterThan':
    case 'LessThan':
      return values.length !== 1
        ? `values: Invalid value: ${shown}: for 'Gt', 'Lt' operators, exactly one value is required`
        : undefined;
  }
}

/** Validates and normalises one requirement, like Kubernetes' NewRequirement. */
export function newLabelRequirement(
  key: string,
  operator: LabelOperator,
  values: readonly string[],
): RequirementResult {
  const keyErrors = labelKeyErrors(key);
  if (keyErrors.length > 0) return { ok: false, error: invalidValueMessage('key', key, keyErrors) };
  const countError = operatorValueError(operator, values);
  if (countError) return { ok: false, error: countError };
  for (const [i, value] of values.entries()) {
    if (
      (operator === 'GreaterThan' || operator === 'LessThan') &&
      parseInt64(value) === undefined
    ) {
      const reason = "for 'Gt', 'Lt' operators, the value must be an integer";
      return {
        ok: false,
        error: invalidValueMessage(`values[${i}]`, value, [reason]),
        valueIndex: i,
      };
    }
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) {
      const error = invalidValueMessage(`values[${i}][${key}]`, value, valueErrors);
      return { ok: false, error, valueIndex: i };
    }
  }
  const unique = [...new Set(values)].sort();
  return { ok: true, requirement: { key, operator, values: unique } };
}

/** Stable sort by key: the canonical order Kubernetes gives a parsed selector. */
export function sortRequirements(requirements: LabelRequirement[]): LabelRequirement[] {
  return requirements
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i))
    .map(({ r }) => r);
}

// Label selectors: the `-l`/`labelSelector=` text form, the API object form used by Deployments,
// ReplicaSets, Jobs and Services, matching, and formatting back to canonical text.
import { newLabelRequirement, parseInt64, sortRequirements } from './labelRequirement.ts';
import type { LabelOperator, LabelRequirement, LabelSelector } from './labelRequirement.ts';
import { parseLabelRequirements } from './labelSelectorParser.ts';

export type { LabelOperator, LabelRequirement, LabelSelector } from './labelRequirement.ts';
export { newLabelRequirement } from './labelRequirement.ts';
export { labelKeyErrors, labelValueErrors } from './labelValidation.ts';

export type LabelSelectorResult =
  { ok: true; selector: LabelSelector } | { ok: false; error: string };

/** Matches every object (the empty selector). */
export const everythingSelector: LabelSelector = { requirements: [] };

/** Parses `k=v,k2 in (a,b),!k3` etc.; errors read like the API server's plus an offset. */
export function parseLabelSelector(text: string): LabelSelectorResult {
  const parsed = parseLabelRequirements(text);
  return parsed.ok
    ? { ok: true, selector: { requirements: parsed.requirements } }
    : { ok: false, error: parsed.error };
}

export function requirementMatches(
  requirement: LabelRequirement,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'Equals':
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotEquals':
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'GreaterThan':
    case 'LessThan': {
      // A label that is not an integer never satisfies a numeric comparison.
      const actual = value === undefined ? undefined : parseInt64(value);
      const bound = parseInt64(requirement.values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return requirement.operator === 'GreaterThan' ? actual > bound : actual < bound;
    }
  }
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return selector.requirements.every((r) => requirementMatches(r, labels));
}

export interface LabelSelectorRequirementObject {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}

/** The `spec.selector` object form (metav1.LabelSelector). */
export interface LabelSelectorObject {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirementObject[] | null;
}

const objectOperators: ReadonlyMap<string, LabelOperator> = new Map([
  ['In', 'In'],
  ['NotIn', 'NotIn'],
  ['Exists', 'Exists'],
  ['DoesNotExist', 'DoesNotExist'],
]);

/** Converts the API object form; an empty object selects everything. */
export function labelSelectorFromObject(object: LabelSelectorObject): LabelSelectorResult {
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(object.matchLabels ?? {})) {
    const r = newLabelRequirement(key, 'Equals', [value]);
    if (!r.ok) return { ok: false, error: r.error };
    requirements.push(r.requirement);
  }
  for (const expression of object.matchExpressions ?? []) {
    const operator = objectOperators.get(expression.operator);
    if (!operator) {
      return {
        ok: false,
        error: `${JSON.stringify(expression.operator)} is not a valid label selector operator`,
      };
    }
    const r = newLabelRequirement(expression.key, operator, expression.values ?? []);
    if (!r.ok) return { ok: false, error: r.error };
    requirements.push(r.requirement);
  }
  return { ok: true, selector: { requirements: sortRequirements(requirements) } };
}

const operatorText: Record<LabelOperator, string> = {
  Equals: '=',
  NotEquals: '!=',
  In: ' in ',
  NotIn: ' notin ',
  Exists: '',
  DoesNotExist: '',
  GreaterThan: '>',
  LessThan: '<',
};

export function formatLabelRequirement(r: LabelRequirement): string {
  if (r.operator === 'Exists') return r.key;
  if (r.operator === 'DoesNotExist') return `!${r.key}`;
  const values =
    r.operator === 'In' || r.operator === 'NotIn' ? `(${r.values.join(',')})` : (r.values[0] ?? '');
  return `${r.key}${operatorText[r.operator]}${values}`;
}

/** Canonical text (what kubectl prints in a SELECTOR column); parses back to an equal selector. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector.requirements.map(formatLabelRequirement).join(',');
}

/**
 * The text form (`app=web,tier in (a,b)`) of an API selector object such as a Deployment's
 * spec.selector; undefined when the object is not a valid selector.
 */
export function formatSelectorObject(object: LabelSelectorObject): string | undefined {
  const parsed = labelSelectorFromObject(object);
  return parsed.ok ? formatLabelSelector(parsed.selector) : undefined;
}

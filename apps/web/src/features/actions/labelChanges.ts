import { labelKeyErrors, labelValueErrors } from '@cci/model';

/**
 * L1: label edits in `kubectl label` syntax (`key=value` sets, `key-` removes), planned against
 * the object's current labels so that changing an existing value can be confirmed explicitly.
 */
export type LabelChange = { op: 'set'; key: string; value: string } | { op: 'remove'; key: string };

export type LabelProblem =
  | { token: string; problem: 'format' }
  | { token: string; problem: 'key' | 'value'; details: string[] }
  | { token: string; problem: 'duplicate'; key: string };

export type ParsedLabelChanges =
  { ok: true; changes: LabelChange[] } | { ok: false; problems: LabelProblem[] };

/** Values and keys hold no spaces or commas, so either separates changes. */
export function parseLabelChanges(text: string): ParsedLabelChanges {
  const changes: LabelChange[] = [];
  const problems: LabelProblem[] = [];
  const seen = new Set<string>();
  for (const token of text.split(/[\s,]+/).filter((t) => t !== '')) {
    const change = parseToken(token);
    if ('problem' in change) {
      problems.push(change);
      continue;
    }
    if (seen.has(change.key)) {
      problems.push({ token, problem: 'duplicate', key: change.key });
      continue;
    }
    seen.add(change.key);
    changes.push(change);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

function parseToken(token: string): LabelChange | LabelProblem {
  const eq = token.indexOf('=');
  if (eq === -1) {
    if (!token.endsWith('-') || token.length === 1) return { token, problem: 'format' };
    const key = token.slice(0, -1);
    const keyErrors = labelKeyErrors(key);
    if (keyErrors.length > 0) return { token, problem: 'key', details: keyErrors };
    return { op: 'remove', key };
  }
  const key = token.slice(0, eq);
  const value = token.slice(eq + 1);
  const keyErrors = labelKeyErrors(key);
  if (keyErrors.length > 0) return { token, problem: 'key', details: keyErrors };
  const valueErrors = labelValueErrors(value);
  if (valueErrors.length > 0) return { token, problem: 'value', details: valueErrors };
  return { op: 'set', key, value };
}

export interface LabelPlan {
  added: { key: string; value: string }[];
  /** Existing labels whose value would change: these need the explicit overwrite (L1). */
  overwritten: { key: string; from: string; to: string }[];
  removed: { key: string; from: string }[];
  /** Removals of labels the object does not have (kubectl: "label not found"). */
  missing: string[];
  unchanged: string[];
}

export function planLabelChanges(
  current: Readonly<Record<string, string>> | undefined,
  changes: readonly LabelChange[],
): LabelPlan {
  const plan: LabelPlan = { added: [], overwritten: [], removed: [], missing: [], unchanged: [] };
  const labels = current ?? {};
  for (const change of changes) {
    const has = Object.hasOwn(labels, change.key);
    const from = labels[change.key];
    if (change.op === 'remove') {
      if (has && from !== undefined) plan.removed.push({ key: change.key, from });
      else plan.missing.push(change.key);
    } else if (!has || from === undefined) {
      plan.added.push({ key: change.key, value: change.value });
    } else if (from === change.value) {
      plan.unchanged.push(change.key);
    } else {
      plan.overwritten.push({ key: change.key, from, to: change.value });
    }
  }
  return plan;
}

export function planChangesSomething(plan: LabelPlan): boolean {
  return plan.added.length + plan.overwritten.length + plan.removed.length > 0;
}

/**
 * JSON merge patch (RFC 7386) of the labels: null removes a key. The resourceVersion makes the
 * server refuse (409) when the labels changed since the user looked at them, so an overwrite the
 * user did not see can never happen.
 */
export function labelMergePatch(plan: LabelPlan, resourceVersion: string | undefined): object {
  const labels: Record<string, string | null> = {};
  for (const { key, value } of plan.added) labels[key] = value;
  for (const { key, to } of plan.overwritten) labels[key] = to;
  for (const { key } of plan.removed) labels[key] = null;
  return { metadata: { ...(resourceVersion ? { resourceVersion } : {}), labels } };
}

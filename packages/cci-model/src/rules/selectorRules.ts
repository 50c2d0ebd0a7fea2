/**
 * D1: a Deployment's (or ReplicaSet's) `spec.selector` must select the pods its template makes,
 * or the controller would create pods it never counts. The API server refuses this; so does CCI.
 */
import { labelSelectorFromObject, matchesLabels } from '../selectors/index.ts';
import { isRecord, mappingAt, violation } from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

const selectorKinds = new Set(['Deployment', 'ReplicaSet']);

export const checkSelectorMatchesTemplate: Rule = (doc) => {
  if (typeof doc['kind'] !== 'string' || !selectorKinds.has(doc['kind'])) return [];
  const spec = mappingAt(doc, 'spec');
  const selector = spec?.['selector'];
  const labels = mappingAt(mappingAt(spec?.['template'], 'metadata'), 'labels') ?? {};
  const found: RuleViolation[] = [];
  if (
    !isRecord(selector) ||
    (selector['matchLabels'] === undefined && selector['matchExpressions'] === undefined)
  ) {
    found.push(
      violation(
        'D1',
        'spec.selector',
        'error',
        'spec.selector is required (apps/v1); set matchLabels to the pod template labels, e.g. app: <name>',
        '必须设置 spec.selector（apps/v1）；请将 matchLabels 设为 Pod 模板的标签，例如 app: <名称>',
      ),
    );
    return found;
  }
  const parsed = labelSelectorFromObject(selector as Parameters<typeof labelSelectorFromObject>[0]);
  if (!parsed.ok) {
    found.push(
      violation(
        'D1',
        'spec.selector',
        'error',
        `spec.selector is invalid: ${parsed.error}`,
        `spec.selector 无效：${parsed.error}`,
      ),
    );
    return found;
  }
  const stringLabels = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
  if (!matchesLabels(parsed.selector, stringLabels)) {
    found.push(
      violation(
        'D1',
        'spec.template.metadata.labels',
        'error',
        '`selector` does not match template `labels`; give the pod template every label of spec.selector.matchLabels',
        'selector 与模板的 labels 不匹配；请让 Pod 模板包含 spec.selector.matchLabels 中的全部标签',
      ),
    );
  }
  return found;
};

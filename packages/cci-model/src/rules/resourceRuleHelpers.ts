/**
 * Small pieces shared by the resource rules (Service, Ingress, PVC, ConfigMap, Secret, Job,
 * CronJob, EIPPool, ImageSnapshot): reading untyped YAML safely, building paths and
 * bilingual violations.
 */
import type { RuleFix, RuleViolation, Severity } from './types.ts';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping at `value[key]`, or undefined when it is absent or not a mapping. */
export function mappingAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `base.key`, `base[3]`, or `base["key.with/dots"]` when the key is not a plain word. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const step = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (base === '') return step.startsWith('[') ? step : key;
  return step.startsWith('[') ? `${base}${step}` : `${base}.${step}`;
}

export function violation(
  rule: string,
  path: string,
  severity: Severity,
  en: string,
  zh: string,
  extra: { fix?: RuleFix; status?: RuleViolation['status'] } = {},
): RuleViolation {
  return {
    rule,
    path,
    severity,
    message: { en, 'zh-CN': zh },
    ...extra,
  };
}

/** A value as it should appear inside a message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const IPV4_OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

const UTF8 = new TextEncoder();

/** Byte length in UTF-8 (no Buffer: the web editor runs these rules too). */
export function utf8Length(text: string): number {
  return UTF8.encode(text).length;
}

export function annotationsOf(doc: Record<string, unknown>): Record<string, unknown> {
  return mappingAt(doc['metadata'], 'annotations') ?? {};
}

export function labelsOf(doc: Record<string, unknown>): Record<string, unknown> {
  return mappingAt(doc['metadata'], 'labels') ?? {};
}

export const annotationPath = (key: string): string => childPath('metadata.annotations', key);
export const labelPath = (key: string): string => childPath('metadata.labels', key);

/**
 * An integer field checked against a range; absent is fine unless `required`.
 * Returns at most one violation.
 */
export function integerInRange(
  rule: string,
  path: string,
  value: unknown,
  range: { min: number; max?: number; required?: boolean },
): RuleViolation[] {
  if (value === undefined || value === null) {
    if (!range.required) return [];
    return [violation(rule, path, 'error', `${path} is required`, `缺少必填字段 ${path}`)];
  }
  const inRange =
    isInteger(value) && value >= range.min && (range.max === undefined || value <= range.max);
  if (inRange) return [];
  const en =
    range.max === undefined
      ? `${path} must be an integer >= ${range.min} (got ${show(value)})`
      : `${path} must be an integer from ${range.min} to ${range.max} (got ${show(value)})`;
  const zh =
    range.max === undefined
      ? `${path} 必须是不小于 ${range.min} 的整数（当前为 ${show(value)}）`
      : `${path} 必须是 ${range.min} 到 ${range.max} 之间的整数（当前为 ${show(value)}）`;
  return [violation(rule, path, 'error', en, zh)];
}

/** A field that must be one of a few strings; absent is fine unless `required`. */
export function oneOf(
  rule: string,
  path: string,
  value: unknown,
  allowed: readonly string[],
  required = false,
): RuleViolation[] {
  const list = allowed.join(', ');
  const missing = value === undefined || value === null;
  if (missing ? !required : typeof value === 'string' && allowed.includes(value)) return [];
  const [en, zh] = missing
    ? [`${path} is required (one of ${list})`, `缺少必填字段 ${path}（可选 ${list}）`]
    : [
        `${path} must be one of ${list} (got ${show(value)})`,
        `${path} 只能是 ${list} 之一（当前为 ${show(value)}）`,
      ];
  return [violation(rule, path, 'error', en, zh)];
}

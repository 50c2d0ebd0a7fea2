/** ConfigMap (C1) and Secret (C2) rules: key names, value types, base64, size. */
import { isLogConfigMap } from './logConfigRules.ts';
import { childPath, isRecord, show, utf8Length, violation } from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

/** Upstream limit on the data of one ConfigMap or Secret. */
export const MAX_CONFIG_BYTES = 1_048_576;
const KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 with padding; line breaks are ignored as the API server ignores them. */
export function isBase64(value: string): boolean {
  return BASE64.test(value.replace(/[\r\n]/g, ''));
}

function keyViolations(rule: string, section: string, key: string): RuleViolation[] {
  if (KEY.test(key) && key.length <= 253 && key !== '.' && key !== '..') return [];
  return [
    violation(
      rule,
      childPath(section, key),
      'error',
      `key ${show(key)} may contain only letters, digits, '-', '_' and '.' (at most 253 characters): it becomes a file name when mounted`,
      `键 ${show(key)} 只能包含字母、数字、'-'、'_' 和 '.'（最多 253 个字符）：挂载时它会成为文件名`,
    ),
  ];
}

function sectionOf(
  doc: Record<string, unknown>,
  rule: string,
  section: string,
): [Record<string, unknown>, RuleViolation[]] {
  const value = doc[section];
  if (value === undefined || value === null) return [{}, []];
  if (isRecord(value)) return [value, []];
  return [
    {},
    [
      violation(
        rule,
        section,
        'error',
        `${section} must be a mapping of key: value`,
        `${section} 必须是 键: 值 形式的映射`,
      ),
    ],
  ];
}

function tooLarge(rule: string, bytes: number, kind: string): RuleViolation[] {
  if (bytes <= MAX_CONFIG_BYTES) return [];
  return [
    violation(
      rule,
      'data',
      'error',
      `the ${kind} holds ${bytes} bytes; at most ${MAX_CONFIG_BYTES} (1 MiB) are allowed: split it or use a volume`,
      `该 ${kind} 共 ${bytes} 字节，超过上限 ${MAX_CONFIG_BYTES}（1 MiB），请拆分或改用存储卷`,
    ),
  ];
}

/** C1: ConfigMap data values are strings (quote numbers and booleans); binaryData is base64. */
export const configMapDataRule: Rule = (doc) => {
  const [data, out] = sectionOf(doc, 'C1', 'data');
  const [binary, binaryErrors] = sectionOf(doc, 'C1', 'binaryData');
  out.push(...binaryErrors);
  let bytes = 0;
  for (const [key, value] of Object.entries(data)) {
    const path = childPath('data', key);
    out.push(...keyViolations('C1', 'data', key));
    bytes += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
    if (typeof value === 'string') continue;
    const quotable = typeof value === 'number' || typeof value === 'boolean';
    out.push(
      violation(
        'C1',
        path,
        'error',
        `ConfigMap values must be strings; ${path} is ${show(value)}${quotable ? `: quote it ("${String(value)}")` : ''}`,
        `ConfigMap 的值必须是字符串；${path} 当前为 ${show(value)}${quotable ? `，请加引号（"${String(value)}"）` : ''}`,
        quotable
          ? {
              fix: {
                title: { en: 'Quote the value', 'zh-CN': '给值加引号' },
                set: [{ path, value: String(value) }],
              },
            }
          : {},
      ),
    );
  }
  for (const [key, value] of Object.entries(binary)) {
    const path = childPath('binaryData', key);
    out.push(...keyViolations('C1', 'binaryData', key));
    if (key in data)
      out.push(
        violation(
          'C1',
          path,
          'error',
          `key ${show(key)} is in both data and binaryData`,
          `键 ${show(key)} 同时出现在 data 和 binaryData 中`,
        ),
      );
    if (typeof value === 'string' && isBase64(value))
      bytes += utf8Length(key) + Math.floor((value.length * 3) / 4);
    else
      out.push(
        violation('C1', path, 'error', `${path} must be base64 text`, `${path} 必须是 base64 文本`),
      );
  }
  if (!isLogConfigMap(doc)) out.push(...tooLarge('C1', bytes, 'ConfigMap'));
  return out;
};

/** C2: Secret data values are base64; plain text belongs under stringData. */
export const secretDataRule: Rule = (doc) => {
  const [data, out] = sectionOf(doc, 'C2', 'data');
  const [stringData, stringErrors] = sectionOf(doc, 'C2', 'stringData');
  out.push(...stringErrors);
  let bytes = 0;
  for (const [key, value] of Object.entries(data)) {
    const path = childPath('data', key);
    out.push(...keyViolations('C2', 'data', key));
    if (typeof value === 'string' && isBase64(value)) {
      bytes += Math.floor((value.replace(/[\r\n=]/g, '').length * 3) / 4);
      continue;
    }
    const movable =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    const fix = movable
      ? {
          title: { en: 'Move the plain value to stringData', 'zh-CN': '将明文值移到 stringData' },
          set: [{ path: childPath('stringData', key), value: String(value) }],
          remove: [path],
        }
      : undefined;
    out.push(
      violation(
        'C2',
        path,
        'error',
        `Secret data values must be base64-encoded (echo -n 'value' | base64); ${path} is not valid base64. Put plain text under stringData instead`,
        `Secret 的 data 值必须经过 Base64 编码（echo -n '值' | base64）；${path} 不是合法的 Base64。明文请写在 stringData 下`,
        fix ? { fix } : {},
      ),
    );
  }
  for (const [key, value] of Object.entries(stringData)) {
    const path = childPath('stringData', key);
    out.push(...keyViolations('C2', 'stringData', key));
    if (typeof value === 'string') bytes += utf8Length(value);
    else
      out.push(
        violation(
          'C2',
          path,
          'error',
          `stringData values must be strings; quote ${path}`,
          `stringData 的值必须是字符串，请给 ${path} 加引号`,
        ),
      );
    if (key in data)
      out.push(
        violation(
          'C2',
          path,
          'warning',
          `key ${show(key)} is in both data and stringData; the stringData value wins`,
          `键 ${show(key)} 同时出现在 data 和 stringData 中，以 stringData 的值为准`,
        ),
      );
  }
  out.push(...tooLarge('C2', bytes, 'Secret'));
  return out;
};

export const configMapRules: Rule[] = [configMapDataRule];
export const secretRules: Rule[] = [secretDataRule];

import { defineCatalog } from '../../i18n/featureCatalog.ts';

/**
 * Editor strings. `diagnostics` are the schema and YAML messages diagnoseYaml builds without
 * i18next (it also runs in node tests and the benchmark), so they are plain templates with
 * {{name}} placeholders, read through diagnosticText().
 */
const en = {
  ariaLabel: 'YAML editor',
  diagnostics: {
    syntax: 'YAML syntax error: {{detail}}',
    tabIndent: 'Indentation must use spaces; tabs are not allowed in YAML',
    tabFix: 'Replace tabs with spaces',
    missingSpace:
      '"{{text}}" is one plain string, not a key and value: put a space after the colon ("{{fixed}}")',
    missingSpaceFix: 'Insert a space after the colon',
    notMapping: 'Each document must be a mapping with apiVersion and kind',
    missingKind: 'The document has no {{field}}: every object needs apiVersion and kind',
    unknownKind: 'Unknown kind "{{kind}}" (apiVersion {{apiVersion}}): CCI serves {{known}}',
    wrongApiVersion: '{{kind}} is served as {{expected}}, not "{{apiVersion}}"',
    useApiVersion: 'Use apiVersion {{expected}}',
    unknownField: 'Unknown field "{{field}}" in {{where}}{{suggestion}}',
    didYouMean: ' (did you mean "{{name}}"?)',
    renameField: 'Rename to "{{name}}"',
    wrongType: '{{where}} must be {{expected}}, not {{actual}}',
    required: '{{where}} is missing the required field "{{field}}"',
    notInEnum: '{{where}} must be one of {{allowed}}, not {{value}}',
    tooSmall: '{{where}} must be at least {{limit}}',
    tooLarge: '{{where}} must be at most {{limit}}',
    pattern: '{{where}} does not match the pattern {{pattern}}',
    tooShort: '{{where}} is too short (at least {{limit}})',
    tooLong: '{{where}} is too long (at most {{limit}})',
    invalidName:
      'metadata.name "{{name}}" is not a valid name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
    lowercaseName: 'Use "{{name}}"',
    root: 'the document',
    types: {
      object: 'a mapping',
      array: 'a list',
      string: 'a string',
      integer: 'an integer',
      number: 'a number',
      boolean: 'true or false',
      null: 'empty',
    },
  },
};

const zhCN: typeof en = {
  ariaLabel: 'YAML 编辑器',
  diagnostics: {
    syntax: 'YAML 语法错误：{{detail}}',
    tabIndent: '缩进必须使用空格，YAML 不允许使用 Tab',
    tabFix: '将 Tab 替换为空格',
    missingSpace: '“{{text}}”是一个普通字符串，而不是键值对：请在冒号后加一个空格（“{{fixed}}”）',
    missingSpaceFix: '在冒号后插入空格',
    notMapping: '每个文档都必须是包含 apiVersion 和 kind 的映射',
    missingKind: '文档缺少 {{field}}：每个对象都需要 apiVersion 和 kind',
    unknownKind: '未知的资源类型“{{kind}}”（apiVersion {{apiVersion}}）：CCI 支持 {{known}}',
    wrongApiVersion: '{{kind}} 的 apiVersion 应为 {{expected}}，而不是“{{apiVersion}}”',
    useApiVersion: '使用 apiVersion {{expected}}',
    unknownField: '{{where}} 中没有字段“{{field}}”{{suggestion}}',
    didYouMean: '（是否应为“{{name}}”？）',
    renameField: '改为“{{name}}”',
    wrongType: '{{where}} 必须是{{expected}}，而不是{{actual}}',
    required: '{{where}} 缺少必填字段“{{field}}”',
    notInEnum: '{{where}} 必须是 {{allowed}} 之一，而不是 {{value}}',
    tooSmall: '{{where}} 不能小于 {{limit}}',
    tooLarge: '{{where}} 不能大于 {{limit}}',
    pattern: '{{where}} 不符合格式 {{pattern}}',
    tooShort: '{{where}} 太短（至少 {{limit}}）',
    tooLong: '{{where}} 太长（至多 {{limit}}）',
    invalidName:
      'metadata.name“{{name}}”不是合法名称：只能包含小写字母、数字、“-”和“.”，以字母或数字开头和结尾，最多 253 个字符',
    lowercaseName: '改为“{{name}}”',
    root: '文档',
    types: {
      object: '映射',
      array: '列表',
      string: '字符串',
      integer: '整数',
      number: '数字',
      boolean: 'true 或 false',
      null: '空值',
    },
  },
};

export const editorCatalog = defineCatalog({ en: { editor: en }, zhCN: { editor: zhCN } });

export type DiagnosticKey = Exclude<keyof typeof en.diagnostics, 'types'>;
export type ValueTypeName = keyof typeof en.diagnostics.types;

const byLanguage = { en: en.diagnostics, 'zh-CN': zhCN.diagnostics };

/** A diagnostics template filled in, in the given language. */
export function diagnosticText(
  language: 'en' | 'zh-CN',
  key: DiagnosticKey,
  params: Record<string, string | number> = {},
): string {
  return byLanguage[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}

export function typeName(language: 'en' | 'zh-CN', type: string): string {
  const types: Record<string, string> = byLanguage[language].types;
  return types[type] ?? type;
}

/**
 * The Fluent Bit output.conf of a CCI log configuration ConfigMap, read line by line: what LG1
 * and LG3 check. Line numbers count from 1 at the first line of output.conf.
 */
import { childPath, violation } from './resourceRuleHelpers.ts';
import type { RuleViolation } from './types.ts';

export const OUTPUT_CONF_KEY = 'output.conf';
export const OUTPUT_CONF_PATH = childPath('data', OUTPUT_CONF_KEY);
const KEY_INDENT = '    ';

export interface OutputConfEntry {
  line: number;
  key: string;
  value: string;
}

export interface OutputConfProblem {
  line: number;
  en: string;
  zh: string;
  /** An indentation problem: the re-indent quick fix repairs it. */
  indent?: boolean;
}

/** Splits output.conf into its [OUTPUT] entries and the layout problems LG1 forbids. */
export function parseOutputConf(text: string): {
  entries: OutputConfEntry[];
  problems: OutputConfProblem[];
} {
  const entries: OutputConfEntry[] = [];
  const problems: OutputConfProblem[] = [];
  let sections = 0;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const indent = content.slice(0, content.length - content.trimStart().length);
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      sections += 1;
      if (indent !== '')
        problems.push({
          line,
          indent: true,
          en: `${trimmed} must start the line (no indent)`,
          zh: `${trimmed} 必须顶格书写（不能缩进）`,
        });
      if (header[1] !== 'OUTPUT')
        problems.push({
          line,
          en: `only an [OUTPUT] section may be configured, not ${trimmed}`,
          zh: `只允许配置 [OUTPUT] 模块，不能配置 ${trimmed}`,
        });
      else if (sections > 1)
        problems.push({
          line,
          en: 'only one [OUTPUT] section is allowed',
          zh: '只允许一个 [OUTPUT] 模块',
        });
      return;
    }
    const [key = '', ...rest] = trimmed.split(/\s+/);
    const value = rest.join(' ');
    if (sections === 0)
      problems.push({
        line,
        en: `"${key}" stands outside the [OUTPUT] section; start the file with [OUTPUT]`,
        zh: `"${key}" 不在 [OUTPUT] 模块内，文件需以 [OUTPUT] 开头`,
      });
    if (indent.includes('\t'))
      problems.push({
        line,
        indent: true,
        en: `"${key}" is indented with a tab; use exactly 4 spaces`,
        zh: `"${key}" 使用了 Tab 缩进，请使用 4 个空格`,
      });
    else if (indent !== KEY_INDENT)
      problems.push({
        line,
        indent: true,
        en: `"${key}" is indented ${indent.length} spaces; keys under [OUTPUT] must be indented exactly 4`,
        zh: `"${key}" 缩进了 ${indent.length} 个空格，[OUTPUT] 下的配置项必须固定缩进 4 个空格`,
      });
    if (value === '') problems.push({ line, en: `"${key}" has no value`, zh: `"${key}" 没有取值` });
    else entries.push({ line, key, value });
  });
  if (sections === 0)
    problems.push({
      line: 1,
      en: 'output.conf has no [OUTPUT] section',
      zh: 'output.conf 缺少 [OUTPUT] 模块',
    });
  return { entries, problems };
}

/** output.conf with headers flush left and every key indented 4 spaces. */
export function reindentOutputConf(text: string): string {
  return text
    .split('\n')
    .map((raw) => {
      const trimmed = raw.trim();
      if (trimmed === '') return '';
      return trimmed.startsWith('[') || trimmed.startsWith('#') ? trimmed : KEY_INDENT + trimmed;
    })
    .join('\n');
}

/** A violation on one line of output.conf (the path is the whole value; the message names the line). */
export function outputConfViolation(
  rule: string,
  line: number,
  severity: RuleViolation['severity'],
  en: string,
  zh: string,
  extra = {},
): RuleViolation {
  return violation(
    rule,
    OUTPUT_CONF_PATH,
    severity,
    `output.conf line ${line}: ${en}`,
    `output.conf 第 ${line} 行：${zh}`,
    extra,
  );
}

import { message as m } from '../messages.ts';

/** What the log routes answer when they refuse a request, in both UI languages. */
export const logMessages = {
  unknownParameter: m(
    'logs.parameter.unknown',
    'The log query parameter "{field}" is not supported.',
    '不支持日志查询参数“{field}”。',
  ),
  badBoolean: m(
    'logs.parameter.boolean',
    '{field} must be true or false.',
    '{field} 必须为 true 或 false。',
  ),
  badCount: m(
    'logs.parameter.count',
    '{field} must be a whole number from {min} to {max}.',
    '{field} 必须是 {min} 到 {max} 之间的整数。',
  ),
  badName: m(
    'logs.parameter.name',
    '{field} is not a valid name (lowercase letters, digits, "-" and ".").',
    '{field} 不是有效的名称（仅限小写字母、数字、“-”和“.”）。',
  ),
  followAndDownload: m(
    'logs.parameter.followDownload',
    'A download is the whole log at once; it cannot follow.',
    '下载为一次性的完整日志，不能同时跟随。',
  ),
};

/**
 * Log collection ConfigMap rule LG1: the label that makes Fluent Bit discover it and the
 * output.conf CCI accepts (layout, Name kafka, Match, Brokers, Topics, size); LG3 (Kafka TLS)
 * runs on the same entries.
 */
import {
  OUTPUT_CONF_KEY,
  OUTPUT_CONF_PATH,
  outputConfViolation as atLine,
  parseOutputConf,
  reindentOutputConf,
} from './fluentBitOutputConf.ts';
import type { OutputConfEntry } from './fluentBitOutputConf.ts';
import { kafkaTlsViolations } from './kafkaTlsRules.ts';
import {
  isIPv4,
  labelPath,
  labelsOf,
  mappingAt,
  show,
  utf8Length,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

export const LOG_DISCOVERY_LABEL = 'logconf.k8s.io/discovery';
export const MAX_LOG_CONFIG_BYTES = 1_048_576;

/** A ConfigMap Fluent Bit discovers (label value "true"; an unquoted YAML true counts as meant). */
export function isLogConfigMap(doc: Record<string, unknown>): boolean {
  const value = labelsOf(doc)[LOG_DISCOVERY_LABEL];
  return value === 'true' || value === true;
}

const HOST =
  /^([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

function brokerProblem(broker: string): boolean {
  const match = /^(.+):(\d{1,5})$/.exec(broker);
  if (!match) return true;
  const [, host = '', port = '0'] = match;
  return !(isIPv4(host) || HOST.test(host)) || Number(port) < 1 || Number(port) > 65535;
}

/** Name kafka, Match *, Brokers host:port[,host:port...], Topics. */
function outputKeyViolations(entries: OutputConfEntry[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  const firstOf = new Map<string, OutputConfEntry>();
  for (const entry of entries) {
    const lower = entry.key.toLowerCase();
    const earlier = firstOf.get(lower);
    if (earlier)
      out.push(
        atLine(
          'LG1',
          entry.line,
          'warning',
          `"${entry.key}" is set again (first on line ${earlier.line}); keep one`,
          `"${entry.key}" 重复设置（首次在第 ${earlier.line} 行），请只保留一个`,
        ),
      );
    else firstOf.set(lower, entry);
  }
  const name = firstOf.get('name');
  if (!name)
    out.push(
      atLine(
        'LG1',
        1,
        'error',
        'add "    Name kafka": Name is required and kafka is the only plugin CCI supports',
        '请添加 "    Name kafka"：Name 为必选项，当前只支持 kafka 插件',
      ),
    );
  else if (name.value !== 'kafka')
    out.push(
      atLine(
        'LG1',
        name.line,
        'error',
        `Name must be kafka, the only output plugin CCI supports (got ${show(name.value)})`,
        `Name 必须为 kafka，当前只支持 kafka 插件（当前为 ${show(name.value)}）`,
      ),
    );
  const match = firstOf.get('match');
  if (match && match.value !== '*')
    out.push(
      atLine(
        'LG1',
        match.line,
        'error',
        `Match, when set, must be * (got ${show(match.value)})`,
        `Match 如果配置，必须是 *（当前为 ${show(match.value)}）`,
      ),
    );
  const brokers = firstOf.get('brokers');
  if (!brokers)
    out.push(
      atLine(
        'LG1',
        1,
        'error',
        'add "    Brokers <host>:<port>[,<host>:<port>...]": the Kafka brokers are required',
        '请添加 "    Brokers <主机>:<端口>[,<主机>:<端口>...]"：Kafka broker 地址为必选项',
      ),
    );
  else {
    const bad = brokers.value
      .split(',')
      .map((b) => b.trim())
      .filter(brokerProblem);
    if (bad.length > 0)
      out.push(
        atLine(
          'LG1',
          brokers.line,
          'error',
          `Brokers must be host:port entries separated by commas, e.g. 192.168.1.3:9092,192.168.1.4:9092 (bad: ${bad.map((b) => show(b)).join(', ')})`,
          `Brokers 必须是以逗号分隔的 主机:端口，例如 192.168.1.3:9092,192.168.1.4:9092（有误：${bad.map((b) => show(b)).join('、')}）`,
        ),
      );
  }
  const topics = firstOf.get('topics');
  if (!topics)
    out.push(
      atLine(
        'LG1',
        1,
        'info',
        'no Topics: logs go to the topic fluent-bit, which must already exist in Kafka',
        '未配置 Topics：日志将发往 fluent-bit 主题，该主题必须已在 Kafka 中存在',
      ),
    );
  else if (!topics.value.split(',').every((t) => TOPIC.test(t.trim())))
    out.push(
      atLine(
        'LG1',
        topics.line,
        'error',
        `Topics must be Kafka topic names (letters, digits, '.', '_', '-'), comma-separated (got ${show(topics.value)})`,
        `Topics 必须是以逗号分隔的 Kafka 主题名（字母、数字、'.'、'_'、'-'）（当前为 ${show(topics.value)}）`,
      ),
    );
  return out;
}

/** LG1 and LG3 on a ConfigMap Fluent Bit discovers; a warning when the label is missing. */
export const logConfigRule: Rule = (doc) => {
  const labelValue = labelsOf(doc)[LOG_DISCOVERY_LABEL];
  const conf = mappingAt(doc, 'data')?.[OUTPUT_CONF_KEY];
  const out: RuleViolation[] = [];
  const labelFix = {
    fix: {
      title: { en: 'Set the label to "true"', 'zh-CN': '将标签设为 "true"' },
      set: [{ path: labelPath(LOG_DISCOVERY_LABEL), value: 'true' }],
    },
  };
  if (labelValue === undefined) {
    if (typeof conf === 'string' && conf.includes('[OUTPUT]'))
      out.push(
        violation(
          'LG1',
          labelPath(LOG_DISCOVERY_LABEL),
          'warning',
          `this ConfigMap looks like a Fluent Bit output.conf, but Fluent Bit only discovers ConfigMaps labelled ${LOG_DISCOVERY_LABEL}: "true"`,
          `该 ConfigMap 看似 Fluent Bit 的 output.conf，但只有带标签 ${LOG_DISCOVERY_LABEL}: "true" 的 ConfigMap 才会被发现`,
          labelFix,
        ),
      );
    return out;
  }
  if (labelValue === true)
    out.push(
      violation(
        'LG1',
        labelPath(LOG_DISCOVERY_LABEL),
        'error',
        `label values are strings: write ${LOG_DISCOVERY_LABEL}: "true" (quoted)`,
        `标签值必须是字符串：请写成 ${LOG_DISCOVERY_LABEL}: "true"（加引号）`,
        labelFix,
      ),
    );
  else if (labelValue !== 'true') {
    out.push(
      violation(
        'LG1',
        labelPath(LOG_DISCOVERY_LABEL),
        'warning',
        `${LOG_DISCOVERY_LABEL} must be "true" for Fluent Bit to use this ConfigMap (got ${show(labelValue)})`,
        `${LOG_DISCOVERY_LABEL} 必须为 "true"，Fluent Bit 才会使用该 ConfigMap（当前为 ${show(labelValue)}）`,
        labelFix,
      ),
    );
    return out;
  }
  if (typeof conf !== 'string') {
    if (conf === undefined)
      out.push(
        violation(
          'LG1',
          OUTPUT_CONF_PATH,
          'error',
          `a log configuration ConfigMap needs the key ${OUTPUT_CONF_KEY} with an [OUTPUT] section`,
          `日志配置 ConfigMap 需要包含 [OUTPUT] 模块的 ${OUTPUT_CONF_KEY} 键`,
        ),
      );
    return out;
  }
  const { entries, problems } = parseOutputConf(conf);
  const reindent = {
    fix: {
      title: {
        en: 'Re-indent output.conf (keys 4 spaces)',
        'zh-CN': '重新缩进 output.conf（配置项 4 空格）',
      },
      set: [{ path: OUTPUT_CONF_PATH, value: reindentOutputConf(conf) }],
    },
  };
  for (const p of problems)
    out.push(atLine('LG1', p.line, 'error', p.en, p.zh, p.indent ? reindent : {}));
  out.push(...outputKeyViolations(entries), ...kafkaTlsViolations(entries));
  const bytes = utf8Length(JSON.stringify(doc));
  if (bytes >= MAX_LOG_CONFIG_BYTES)
    out.push(
      violation(
        'LG1',
        OUTPUT_CONF_PATH,
        'error',
        `the log configuration must stay under 1 MB (${MAX_LOG_CONFIG_BYTES} bytes); this ConfigMap has ${bytes}`,
        `日志配置需小于 1 MB（${MAX_LOG_CONFIG_BYTES} 字节），该 ConfigMap 为 ${bytes} 字节`,
      ),
    );
  return out;
};

export const logConfigRules: Rule[] = [logConfigRule];

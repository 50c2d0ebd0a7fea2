/** Ingress rules IG1 (what a CCI Ingress must carry to bind an ELB) and IG2 (same namespace only). */
import { DNS1123_SUBDOMAIN_FORMAT, isDns1123Label } from '../names.ts';
import { ELB_ID_ANNOTATION } from './serviceRules.ts';
import {
  annotationPath,
  annotationsOf,
  childPath,
  integerInRange,
  isIPv4,
  isNonEmptyString,
  isRecord,
  labelPath,
  labelsOf,
  mappingAt,
  show,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

export const INGRESS_API_VERSIONS = ['extensions/v1beta1', 'networking.k8s.io/v1beta1'];
const ELB_PORT_ANNOTATION = 'kubernetes.io/elb.port';
const ELB_IP_ANNOTATION = 'kubernetes.io/elb.ip';
/** Labels CCI reserves on an Ingress; both are required with exactly these values. */
const REQUIRED_LABELS: Record<string, string> = { isExternal: 'true', zone: 'data' };
const HOST_NAME = new RegExp(`^(\\*\\.)?${DNS1123_SUBDOMAIN_FORMAT}$`);

export const ingressApiVersionRule: Rule = (doc) => {
  const apiVersion = doc['apiVersion'];
  if (typeof apiVersion === 'string' && INGRESS_API_VERSIONS.includes(apiVersion)) return [];
  return [
    violation(
      'IG1',
      'apiVersion',
      'error',
      `CCI serves Ingress as extensions/v1beta1 or networking.k8s.io/v1beta1 (got ${show(apiVersion)}); use one of them, with backend serviceName/servicePort`,
      `CCI 的 Ingress 版本为 extensions/v1beta1 或 networking.k8s.io/v1beta1（当前为 ${show(apiVersion)}），请改用其一，并使用 backend serviceName/servicePort`,
      {
        fix: {
          title: { en: 'Use extensions/v1beta1', 'zh-CN': '改用 extensions/v1beta1' },
          set: [{ path: 'apiVersion', value: 'extensions/v1beta1' }],
        },
      },
    ),
  ];
};

/** IG1: labels isExternal "true" and zone data, reserved by CCI. */
export const ingressLabelsRule: Rule = (doc) => {
  const labels = labelsOf(doc);
  const out: RuleViolation[] = [];
  for (const [key, expected] of Object.entries(REQUIRED_LABELS)) {
    const value = labels[key];
    if (value === expected) continue;
    const path = labelPath(key);
    const got =
      value === undefined
        ? ''
        : ` (got ${show(value)}${typeof value === 'string' ? '' : ', label values must be quoted strings'})`;
    const gotZh =
      value === undefined
        ? ''
        : `（当前为 ${show(value)}${typeof value === 'string' ? '' : '，标签值必须是加引号的字符串'}）`;
    out.push(
      violation(
        'IG1',
        path,
        'error',
        `a CCI Ingress needs label ${key}: "${expected}" (a reserved system field)${got}`,
        `CCI 的 Ingress 必须带标签 ${key}: "${expected}"（系统预留字段）${gotZh}`,
        {
          fix: {
            title: { en: `Set ${key}: "${expected}"`, 'zh-CN': `设置 ${key}: "${expected}"` },
            set: [{ path, value: expected }],
          },
        },
      ),
    );
  }
  return out;
};

/** IG1: the ELB to bind: id and port required, private IP optional. */
export const ingressElbRule: Rule = (doc) => {
  const annotations = annotationsOf(doc);
  const out: RuleViolation[] = [];
  const elbId = annotations[ELB_ID_ANNOTATION];
  if (!isNonEmptyString(elbId))
    out.push(
      violation(
        'IG1',
        annotationPath(ELB_ID_ANNOTATION),
        'error',
        `a CCI Ingress needs annotation ${ELB_ID_ANNOTATION}: the id of the enhanced ELB it binds${elbId === undefined ? '' : ` (got ${show(elbId)})`}`,
        `CCI 的 Ingress 必须有注解 ${ELB_ID_ANNOTATION}：所绑定增强型 ELB 实例的 ID${elbId === undefined ? '' : `（当前为 ${show(elbId)}）`}`,
      ),
    );
  const port = annotations[ELB_PORT_ANNOTATION];
  const portPath = annotationPath(ELB_PORT_ANNOTATION);
  if (port === undefined)
    out.push(
      violation(
        'IG1',
        portPath,
        'error',
        `a CCI Ingress needs annotation ${ELB_PORT_ANNOTATION}: the ELB port to listen on, a quoted number 1-65535 such as '6071'`,
        `CCI 的 Ingress 必须有注解 ${ELB_PORT_ANNOTATION}：ELB 监听端口，取值为加引号的 1-65535 数字，例如 '6071'`,
      ),
    );
  else if (typeof port !== 'string')
    out.push(
      violation(
        'IG1',
        portPath,
        'error',
        `annotation values are strings: quote ${ELB_PORT_ANNOTATION} ('${show(port)}')`,
        `注解值必须是字符串：请给 ${ELB_PORT_ANNOTATION} 加引号（'${show(port)}'）`,
        {
          fix: {
            title: { en: 'Quote the port', 'zh-CN': '给端口加引号' },
            set: [{ path: portPath, value: String(port) }],
          },
        },
      ),
    );
  else if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    out.push(
      violation(
        'IG1',
        portPath,
        'error',
        `${ELB_PORT_ANNOTATION} must be a port number 1-65535 (got ${show(port)})`,
        `${ELB_PORT_ANNOTATION} 必须是 1-65535 的端口号（当前为 ${show(port)}）`,
      ),
    );
  const ip = annotations[ELB_IP_ANNOTATION];
  if (ip !== undefined && !(typeof ip === 'string' && isIPv4(ip)))
    out.push(
      violation(
        'IG1',
        annotationPath(ELB_IP_ANNOTATION),
        'error',
        `${ELB_IP_ANNOTATION} (optional) must be the ELB's IPv4 address, e.g. 192.168.137.182 (got ${show(ip)})`,
        `${ELB_IP_ANNOTATION}（可选）必须是 ELB 实例的 IPv4 地址，例如 192.168.137.182（当前为 ${show(ip)}）`,
      ),
    );
  return out;
};

/** IG1: rules (host, paths, backends), default backend and tls entries. */
export const ingressSpecRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec') ?? {};
  const out: RuleViolation[] = [];
  const rules = spec['rules'];
  if (spec['backend'] !== undefined)
    out.push(...backendViolations('spec.backend', spec['backend']));
  if (rules === undefined && spec['backend'] === undefined)
    out.push(
      violation(
        'IG1',
        'spec.rules',
        'error',
        'an Ingress needs spec.rules (or a default spec.backend)',
        'Ingress 需要 spec.rules（或默认的 spec.backend）',
      ),
    );
  if (rules !== undefined && !Array.isArray(rules))
    out.push(
      violation('IG1', 'spec.rules', 'error', 'spec.rules must be a list', 'spec.rules 必须是列表'),
    );
  if (Array.isArray(rules))
    rules.forEach((rule: unknown, i) =>
      out.push(...ruleViolations(childPath('spec.rules', i), rule)),
    );
  const tls = spec['tls'];
  if (tls !== undefined && !Array.isArray(tls))
    out.push(
      violation('IG1', 'spec.tls', 'error', 'spec.tls must be a list', 'spec.tls 必须是列表'),
    );
  if (Array.isArray(tls))
    tls.forEach((entry: unknown, i) => {
      const path = childPath('spec.tls', i);
      if (!isNonEmptyString(isRecord(entry) ? entry['secretName'] : undefined))
        out.push(
          violation(
            'IG1',
            `${path}.secretName`,
            'error',
            `${path}.secretName must name the uploaded SSL certificate (a Secret in the same namespace) for HTTPS`,
            `${path}.secretName 必须填写已上传的 SSL 证书名称（同一命名空间中的 Secret），用于 HTTPS`,
          ),
        );
    });
  return out;
};

function ruleViolations(path: string, rule: unknown): RuleViolation[] {
  if (!isRecord(rule))
    return [violation('IG1', path, 'error', `${path} must be a mapping`, `${path} 必须是映射`)];
  const out: RuleViolation[] = [];
  const host = rule['host'];
  if (host !== undefined && !(typeof host === 'string' && HOST_NAME.test(host) && !isIPv4(host)))
    out.push(
      violation(
        'IG1',
        `${path}.host`,
        'error',
        `${path}.host must be a lower-case domain name such as www.example.com, not an IP address (got ${show(host)}); leave it out to match any host`,
        `${path}.host 必须是小写域名（例如 www.example.com），不能是 IP 地址（当前为 ${show(host)}）；不填则匹配所有域名`,
      ),
    );
  const paths = mappingAt(rule, 'http')?.['paths'];
  if (!Array.isArray(paths) || paths.length === 0) {
    out.push(
      violation(
        'IG1',
        `${path}.http.paths`,
        'error',
        `${path}.http.paths must list at least one path with a backend`,
        `${path}.http.paths 至少需要一个带 backend 的路径`,
      ),
    );
    return out;
  }
  paths.forEach((entry: unknown, i) => {
    const entryPath = childPath(`${path}.http.paths`, i);
    const urlPath = isRecord(entry) ? entry['path'] : undefined;
    if (urlPath !== undefined && !(typeof urlPath === 'string' && urlPath.startsWith('/')))
      out.push(
        violation(
          'IG1',
          `${entryPath}.path`,
          'error',
          `${entryPath}.path must start with / (got ${show(urlPath)})`,
          `${entryPath}.path 必须以 / 开头（当前为 ${show(urlPath)}）`,
        ),
      );
    out.push(
      ...backendViolations(`${entryPath}.backend`, isRecord(entry) ? entry['backend'] : undefined),
    );
  });
  return out;
}

function backendViolations(path: string, backend: unknown): RuleViolation[] {
  if (!isRecord(backend))
    return [
      violation(
        'IG1',
        path,
        'error',
        `${path} needs serviceName and servicePort`,
        `${path} 需要 serviceName 和 servicePort`,
      ),
    ];
  const out: RuleViolation[] = [];
  const name = backend['serviceName'];
  if (!(typeof name === 'string' && isDns1123Label(name)))
    out.push(
      violation(
        'IG1',
        `${path}.serviceName`,
        'error',
        `${path}.serviceName must name a Service of this namespace (a lower-case name without dots; got ${show(name)})`,
        `${path}.serviceName 必须是本命名空间中 Service 的名称（小写、不含点；当前为 ${show(name)}）`,
      ),
    );
  const port = backend['servicePort'];
  if (typeof port === 'string' && port !== '') return out;
  out.push(
    ...integerInRange('IG1', `${path}.servicePort`, port, { min: 1, max: 65535, required: true }),
  );
  return out;
}

/** IG2: Service and ELB domain names do not resolve across namespaces. */
export const ingressNamespaceInfoRule: Rule = (doc) => {
  const rules = mappingAt(doc, 'spec')?.['rules'];
  if (!Array.isArray(rules) || rules.length === 0) return [];
  return [
    violation(
      'IG2',
      'spec.rules',
      'info',
      "backends resolve only to Services in the Ingress's own namespace; from another namespace, reach the workload through the ELB's private IP:port",
      '后端只能解析到与 Ingress 同一命名空间的 Service；跨命名空间请通过 ELB 内网 IP:端口 访问',
    ),
  ];
};

export const ingressRules: Rule[] = [
  ingressApiVersionRule,
  ingressLabelsRule,
  ingressElbRule,
  ingressSpecRule,
  ingressNamespaceInfoRule,
];

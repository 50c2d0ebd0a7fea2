/**
 * Network rules N5-N6 (seed ch. 3): a Network ties a namespace to a VPC subnet; every id the
 * VPC needs is required and the subnet must stay clear of the Service range 10.247.0.0/16.
 */
import {
  annotationPath,
  annotationsOf,
  asRecord,
  text,
  violation,
  failure,
} from './podTemplates.ts';
import type { RuleViolation } from './types.ts';

const annotationPrefix = 'network.alpha.kubernetes.io/';
const serviceRange = { base: ipv4ToNumber('10.247.0.0') ?? 0, prefix: 16 };

interface RequiredAnnotation {
  /** Accepted spellings; the first is the one the seed uses and the fix adds. */
  keys: string[];
  what: { en: string; zh: string };
}

const requiredAnnotations: RequiredAnnotation[] = [
  {
    keys: [`${annotationPrefix}default-security-group`],
    what: { en: 'the default security group ID', zh: '默认安全组 ID' },
  },
  {
    keys: [`${annotationPrefix}domain-id`, `${annotationPrefix}domain_id`],
    what: { en: 'the account (domain) ID from My Credentials', zh: '账号 ID（我的凭证中获取）' },
  },
  {
    keys: [`${annotationPrefix}project-id`],
    what: { en: 'the project ID from My Credentials', zh: '项目 ID（我的凭证中获取）' },
  },
];

const requiredSpecFields: { field: string; what: { en: string; zh: string } }[] = [
  { field: 'attachedVPC', what: { en: 'the VPC ID', zh: '虚拟私有云 ID' } },
  { field: 'networkID', what: { en: "the subnet's network ID", zh: '子网的网络 ID' } },
  { field: 'subnetID', what: { en: 'the subnet ID', zh: '子网 ID' } },
];

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function ipv4ToNumber(address: string): number | undefined {
  const octets = address.split('.');
  if (octets.length !== 4) return undefined;
  let value = 0;
  for (const octet of octets) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet) || Number(octet) > 255) return undefined;
    value = value * 256 + Number(octet);
  }
  return value;
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** `a.b.c.d/n` as base address and prefix length, or undefined when malformed. */
export function parseIpv4Cidr(cidr: string): { base: number; prefix: number } | undefined {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(cidr.trim());
  const base = match?.[1] === undefined ? undefined : ipv4ToNumber(match[1]);
  const prefix = Number(match?.[2]);
  if (base === undefined || !(prefix >= 0 && prefix <= 32)) return undefined;
  return { base, prefix };
}

function rangeOf(cidr: { base: number; prefix: number }): [number, number] {
  const size = 2 ** (32 - cidr.prefix);
  const start = cidr.base - (cidr.base % size);
  return [start, start + size - 1];
}

export function cidrsOverlap(
  a: { base: number; prefix: number },
  b: { base: number; prefix: number },
): boolean {
  const [aStart, aEnd] = rangeOf(a);
  const [bStart, bEnd] = rangeOf(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** N5: the annotations and spec fields a Network needs. */
export function checkNetworkFields(doc: Record<string, unknown>): RuleViolation[] {
  const annotations = annotationsOf(asRecord(doc.metadata) ?? {});
  const spec = asRecord(doc.spec) ?? {};
  const found: RuleViolation[] = [];
  for (const { keys, what } of requiredAnnotations) {
    if (keys.some((key) => isNonEmptyString(annotations[key]))) continue;
    const key = keys[0] ?? '';
    found.push(
      violation(
        'N5',
        annotationPath('metadata', key),
        'error',
        text(
          `A Network needs annotation ${key} with ${what.en}`,
          `Network 必须设置注解 ${key}，值为${what.zh}`,
        ),
      ),
    );
  }
  for (const { field, what } of requiredSpecFields) {
    if (isNonEmptyString(spec[field])) continue;
    found.push(
      violation(
        'N5',
        `spec.${field}`,
        'error',
        text(
          `A Network needs spec.${field} (${what.en}, from the VPC console)`,
          `Network 必须设置 spec.${field}（${what.zh}，可在 VPC 控制台获取）`,
        ),
      ),
    );
  }
  if (spec.networkType !== 'underlay_neutron') {
    const got = spec.networkType === undefined ? 'missing' : `"${String(spec.networkType)}"`;
    found.push(
      violation(
        'N5',
        'spec.networkType',
        'error',
        text(
          `spec.networkType is ${got}; CCI supports only underlay_neutron`,
          `spec.networkType 为 ${got === 'missing' ? '空' : got}，CCI 仅支持 underlay_neutron`,
        ),
        {
          fix: {
            title: text('Use underlay_neutron', '使用 underlay_neutron'),
            set: [{ path: 'spec.networkType', value: 'underlay_neutron' }],
          },
        },
      ),
    );
  }
  found.push(...checkCidrSyntax(spec.cidr));
  return found;
}

function checkCidrSyntax(cidr: unknown): RuleViolation[] {
  const parsed = typeof cidr === 'string' ? parseIpv4Cidr(cidr) : undefined;
  if (parsed === undefined) {
    return failure('N5', 'spec.cidr')(
      `spec.cidr ${cidr === undefined ? 'is missing' : `"${String(cidr)}" is not an IPv4 CIDR`}; give the subnet range, e.g. 192.168.0.0/24`,
      `spec.cidr ${cidr === undefined ? '未填写' : `“${String(cidr)}”不是 IPv4 网段`}，请填写子网网段，例如 192.168.0.0/24`,
    );
  }
  const [start] = rangeOf(parsed);
  if (start === parsed.base) return [];
  const network = `${numberToIpv4(start)}/${parsed.prefix}`;
  return failure('N5', 'spec.cidr')(
    `spec.cidr ${String(cidr)} has host bits set; the subnet range is ${network}`,
    `spec.cidr ${String(cidr)} 含主机位，子网网段应为 ${network}`,
    {
      fix: {
        title: text(`Use ${network}`, `改为 ${network}`),
        set: [{ path: 'spec.cidr', value: network }],
      },
    },
  );
}

/** N6: a subnet inside 10.247.0.0/16 collides with Service IPs; allowed, but only knowingly. */
export function checkServiceRangeOverlap(doc: Record<string, unknown>): RuleViolation[] {
  const cidr = asRecord(doc.spec)?.cidr;
  const parsed = typeof cidr === 'string' ? parseIpv4Cidr(cidr) : undefined;
  if (parsed === undefined || !cidrsOverlap(parsed, serviceRange)) return [];
  return failure(
    'N6',
    'spec.cidr',
    'warning',
  )(
    `spec.cidr ${cidr} overlaps 10.247.0.0/16, the range CCI reserves for Service IPs. Pods and Services would get conflicting IPs, so workloads may fail to create or Services stop working. Use another range unless this namespace never uses Services and clients reach pods directly`,
    `spec.cidr ${cidr} 与 10.247.0.0/16 重叠，该网段是 CCI 为 Service 预留的。Pod 与 Service 可能发生 IP 冲突，导致负载无法创建或服务不可用。除非该命名空间不使用 Service、只直接访问 Pod，否则请换用其他网段`,
  );
}

export const networkRules = [checkNetworkFields, checkServiceRangeOverlap];
export const networkRuleIds = ['N5', 'N6'];

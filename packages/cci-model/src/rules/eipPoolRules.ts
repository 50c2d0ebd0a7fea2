/**
 * EIPPool rules: E1 (name length), E2 (dynamic pool), E3 (static pool); E5 (updates) is in
 * eipPoolUpdateRules.ts. A pool is dynamic (amount + eipAttributes: CCI creates the EIPs) or static (eips: the
 * user's existing EIPs), never both.
 */
import {
  childPath,
  integerInRange,
  isIPv4,
  isNonEmptyString,
  isRecord,
  mappingAt,
  oneOf,
  show,
  utf8Length,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleContext, RuleViolation } from './types.ts';

export const EIP_NETWORK_TYPES = ['5_telcom', '5_union', '5_bgp', '5_sbgp', '5_ipv6'];
export const EIP_POOL_NAME_MAX_BYTES = 29;
export const EIP_POOL_MAX_AMOUNT = 500;

type PoolMode = 'dynamic' | 'static' | 'both' | 'none';

export function poolMode(spec: unknown): PoolMode {
  if (!isRecord(spec)) return 'none';
  const dynamic = spec['amount'] !== undefined || spec['eipAttributes'] !== undefined;
  const fixed = spec['eips'] !== undefined;
  return dynamic && fixed ? 'both' : dynamic ? 'dynamic' : fixed ? 'static' : 'none';
}

/** E1: metadata.name is used for the underlying EIP names, which are cut after 29 bytes. */
export const eipPoolNameRule: Rule = (doc) => {
  const metadata = doc['metadata'];
  if (typeof metadata === 'string' && /^\w+:\S/.test(metadata))
    return [
      violation(
        'E1',
        'metadata',
        'error',
        `metadata is the text ${show(metadata)}, not a mapping, so the pool has no name: put a space after the colon (${metadata.replace(':', ': ')})`,
        `metadata 是文本 ${show(metadata)} 而不是映射，因此该 EIPPool 没有名称：请在冒号后加空格（${metadata.replace(':', ': ')}）`,
      ),
    ];
  const name = mappingAt(doc, 'metadata')?.['name'];
  if (!isNonEmptyString(name))
    return [
      violation(
        'E1',
        'metadata.name',
        'error',
        'an EIPPool needs metadata.name',
        'EIPPool 需要 metadata.name',
      ),
    ];
  const bytes = utf8Length(name);
  if (bytes <= EIP_POOL_NAME_MAX_BYTES) return [];
  return [
    violation(
      'E1',
      'metadata.name',
      'warning',
      `the name has ${bytes} bytes; names of the underlying EIP resources are cut after ${EIP_POOL_NAME_MAX_BYTES} (the pool still works); choose a shorter name to keep them recognisable`,
      `名称长度为 ${bytes} 字节，超过 ${EIP_POOL_NAME_MAX_BYTES} 字节的部分在底层 EIP 资源名称中会被截断（不影响使用），建议使用更短的名称`,
    ),
  ];
};

export const eipPoolModeRule: Rule = (doc) => {
  const mode = poolMode(doc['spec']);
  if (mode === 'both')
    return [
      violation(
        'E2',
        'spec',
        'error',
        'a pool is either dynamic (amount + eipAttributes: CCI creates the EIPs) or static (eips: existing EIPs), not both; remove one',
        'EIPPool 要么是动态的（amount + eipAttributes：由 CCI 创建 EIP），要么是静态的（eips：纳管已有 EIP），不能同时配置，请删除其一',
      ),
    ];
  if (mode === 'none')
    return [
      violation(
        'E2',
        'spec',
        'error',
        'an EIPPool needs spec.amount and spec.eipAttributes (dynamic pool) or spec.eips (static pool)',
        'EIPPool 需要 spec.amount 和 spec.eipAttributes（动态 EIPPool）或 spec.eips（静态 EIPPool）',
      ),
    ];
  return [];
};

/** E2: amount 0-500 and the attributes of the EIPs CCI creates. */
export const eipPoolDynamicRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec');
  if (poolMode(spec) !== 'dynamic' || !spec) return [];
  const out = integerInRange('E2', 'spec.amount', spec['amount'], {
    min: 0,
    max: EIP_POOL_MAX_AMOUNT,
    required: true,
  });
  const attributes = spec['eipAttributes'];
  if (!isRecord(attributes)) {
    out.push(
      violation(
        'E2',
        'spec.eipAttributes',
        'error',
        'a dynamic pool needs spec.eipAttributes (networkType, ipVersion, bandwidth)',
        '动态 EIPPool 需要 spec.eipAttributes（networkType、ipVersion、bandwidth）',
      ),
    );
    return out;
  }
  out.push(
    ...oneOf(
      'E2',
      'spec.eipAttributes.networkType',
      attributes['networkType'],
      EIP_NETWORK_TYPES,
      true,
    ),
  );
  const ipVersion = attributes['ipVersion'];
  if (!(
    ipVersion === undefined ||
    ipVersion === null ||
    ipVersion === '' ||
    ipVersion === 4 ||
    ipVersion === 6
  ))
    out.push(
      violation(
        'E2',
        'spec.eipAttributes.ipVersion',
        'error',
        `ipVersion must be 4 or 6, unquoted (got ${show(ipVersion)}); leave it out for 4`,
        `ipVersion 只能是 4 或 6（不加引号，当前为 ${show(ipVersion)}），不填默认为 4`,
      ),
    );
  out.push(...bandwidthViolations(attributes['bandwidth']));
  return out;
};

function bandwidthViolations(bandwidth: unknown): RuleViolation[] {
  const path = 'spec.eipAttributes.bandwidth';
  if (!isRecord(bandwidth))
    return [
      violation(
        'E2',
        path,
        'error',
        `${path} is required: shareType PER (with size) or WHOLE (with id)`,
        `缺少 ${path}：shareType 为 PER（需 size）或 WHOLE（需 id）`,
      ),
    ];
  const out = oneOf('E2', `${path}.shareType`, bandwidth['shareType'], ['PER', 'WHOLE'], true);
  if (bandwidth['shareType'] === 'WHOLE') {
    if (!isNonEmptyString(bandwidth['id']))
      out.push(
        violation(
          'E2',
          `${path}.id`,
          'error',
          'a shared (WHOLE) bandwidth needs bandwidth.id, the id of the shared bandwidth',
          '共享带宽（WHOLE）必须指定 bandwidth.id，即共享带宽的 ID',
        ),
      );
    for (const key of Object.keys(bandwidth).filter((k) => k !== 'id' && k !== 'shareType'))
      out.push(
        violation(
          'E2',
          childPath(path, key),
          'error',
          `a shared (WHOLE) bandwidth takes only id and shareType; remove ${key}`,
          `共享带宽（WHOLE）只需填写 id 和 shareType，请删除 ${key}`,
          {
            fix: {
              title: { en: `Remove ${key}`, 'zh-CN': `删除 ${key}` },
              remove: [childPath(path, key)],
            },
          },
        ),
      );
  }
  if (bandwidth['shareType'] === 'PER') {
    out.push(
      ...integerInRange('E2', `${path}.size`, bandwidth['size'], {
        min: 1,
        max: 200,
        required: true,
      }),
    );
    const chargeMode = bandwidth['chargeMode'];
    if (chargeMode !== '')
      out.push(...oneOf('E2', `${path}.chargeMode`, chargeMode, ['bandwidth', 'traffic']));
    const name = bandwidth['name'];
    if (name !== undefined && typeof name !== 'string')
      out.push(
        violation(
          'E2',
          `${path}.name`,
          'error',
          `${path}.name must be a string`,
          `${path}.name 必须是字符串`,
        ),
      );
    if (bandwidth['id'] !== undefined)
      out.push(
        violation(
          'E2',
          `${path}.id`,
          'error',
          'bandwidth.id names a shared bandwidth: use it with shareType WHOLE, or remove it for a dedicated (PER) bandwidth',
          'bandwidth.id 用于共享带宽：请与 shareType WHOLE 一起使用，独占带宽（PER）请删除它',
        ),
      );
  }
  return out;
}

/** E3: the listed addresses exist, are unused, and appear once. */
export const eipPoolStaticRule: Rule = (doc, ctx) => {
  const spec = mappingAt(doc, 'spec');
  if (poolMode(spec) !== 'static' || !spec) return [];
  const eips = spec['eips'];
  if (!Array.isArray(eips) || eips.length === 0)
    return [
      violation(
        'E3',
        'spec.eips',
        'error',
        'spec.eips must list at least one existing, unused EIP address',
        'spec.eips 至少需要列出一个已存在且未被使用的 EIP 地址',
      ),
    ];
  const out: RuleViolation[] = [];
  const seen = new Set<string>();
  const poolName = mappingAt(doc, 'metadata')?.['name'];
  eips.forEach((address: unknown, i) => {
    const path = childPath('spec.eips', i);
    if (typeof address !== 'string' || !isIPv4(address)) {
      out.push(
        violation(
          'E3',
          path,
          'error',
          `${show(address)} is not an IPv4 address`,
          `${show(address)} 不是 IPv4 地址`,
        ),
      );
      return;
    }
    if (seen.has(address))
      out.push(violation('E3', path, 'error', `${address} is listed twice`, `${address} 重复列出`));
    seen.add(address);
    out.push(...inventoryViolations(path, address, poolName, ctx));
  });
  return out;
};

function inventoryViolations(
  path: string,
  address: string,
  poolName: unknown,
  ctx: RuleContext,
): RuleViolation[] {
  if (!ctx.eipByAddress) return [];
  const eip = ctx.eipByAddress(address);
  if (!eip)
    return [
      violation(
        'E3',
        path,
        'error',
        `no EIP with address ${address} exists; a static pool takes over EIPs created beforehand`,
        `不存在地址为 ${address} 的 EIP；静态 EIPPool 只能纳管事先创建好的 EIP`,
      ),
    ];
  if (eip.pool !== undefined && eip.pool === poolName) return [];
  if (eip.pool !== undefined)
    return [
      violation(
        'E3',
        path,
        'error',
        `EIP ${address} already belongs to EIPPool ${eip.pool}`,
        `EIP ${address} 已属于 EIPPool ${eip.pool}`,
      ),
    ];
  if (eip.usedBy)
    return [
      violation(
        'E3',
        path,
        'error',
        `EIP ${address} is in use by ${eip.usedBy}; an EIP used by NAT or ELB cannot be taken over, so release it first or pick another`,
        `EIP ${address} 正被 ${eip.usedBy} 使用；已被 NAT 或 ELB 使用的 EIP 无法纳管，请先解绑或换用其他 EIP`,
      ),
    ];
  return [];
}

export const eipPoolSpecRules: Rule[] = [
  eipPoolNameRule,
  eipPoolModeRule,
  eipPoolDynamicRule,
  eipPoolStaticRule,
];

/**
 * EIPPool rule E5: what an update may change. A dynamic pool only scales (spec.amount); a static
 * pool only adds or removes addresses (spec.eips). Other changes need a new pool.
 */
import { poolMode } from './eipPoolRules.ts';
import { childPath, isRecord, mappingAt, violation } from './resourceRuleHelpers.ts';
import type { Rule } from './types.ts';

/** Every path under `path` where `before` and `after` differ. */
function differences(before: unknown, after: unknown, path: string): string[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => differences(before[key], after[key], childPath(path, key)));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

/** E5: a dynamic pool may only scale (amount); a static pool may only change its eips. */
export const eipPoolUpdateRule: Rule = (doc, ctx) => {
  if (ctx.operation !== 'UPDATE' || !isRecord(ctx.oldObject)) return [];
  const oldSpec = mappingAt(ctx.oldObject, 'spec');
  const mode = poolMode(oldSpec);
  if (mode !== 'dynamic' && mode !== 'static') return [];
  const mutable = mode === 'dynamic' ? 'spec.amount' : 'spec.eips';
  const newSpec = mappingAt(doc, 'spec');
  const out = differences(oldSpec, newSpec, 'spec')
    .filter((path) => path !== mutable)
    .map((path) =>
      violation(
        'E5',
        path,
        'error',
        `${path} cannot change: a ${mode} EIPPool only allows updating ${mutable}. To change the EIP attributes, create a new EIPPool and point the workloads at it`,
        `${path} 不可修改：${mode === 'dynamic' ? '动态' : '静态'} EIPPool 只允许修改 ${mutable}。如需调整其他参数，请新建 EIPPool 并在负载中替换`,
      ),
    );
  const oldAmount = oldSpec?.['amount'];
  const newAmount = newSpec?.['amount'];
  if (
    mode === 'dynamic' &&
    typeof oldAmount === 'number' &&
    typeof newAmount === 'number' &&
    newAmount < oldAmount
  )
    out.push(
      violation(
        'E5',
        'spec.amount',
        'info',
        `scaling down from ${oldAmount} to ${newAmount}: EIPs in use are kept until their pods release them`,
        `从 ${oldAmount} 缩容到 ${newAmount}：正在使用的 EIP 会保留，直到 Pod 释放`,
      ),
    );
  if (mode === 'static' && ctx.eipByAddress) {
    const kept = new Set(Array.isArray(newSpec?.['eips']) ? (newSpec['eips'] as unknown[]) : []);
    const removed = (Array.isArray(oldSpec?.['eips']) ? (oldSpec['eips'] as unknown[]) : []).filter(
      (a) => !kept.has(a),
    );
    for (const address of removed)
      if (typeof address === 'string' && ctx.eipByAddress(address)?.usedBy)
        out.push(
          violation(
            'E5',
            'spec.eips',
            'warning',
            `${address} is removed but in use by ${ctx.eipByAddress(address)?.usedBy}; it stays until released`,
            `${address} 已移出但正被 ${ctx.eipByAddress(address)?.usedBy} 使用，将在解绑后移除`,
          ),
        );
  }
  return out;
};

/** Service rules SV1 (supported types, ports) and SV2 (LoadBalancer needs an ELB). */
import { DNS1123_LABEL_FORMAT } from '../names.ts';
import {
  annotationPath,
  annotationsOf,
  childPath,
  integerInRange,
  isNonEmptyString,
  isRecord,
  mappingAt,
  show,
  violation,
} from './resourceRuleHelpers.ts';
import type { Rule, RuleViolation } from './types.ts';

export const ELB_ID_ANNOTATION = 'kubernetes.io/elb.id';
const SUPPORTED_TYPES = ['ClusterIP', 'LoadBalancer'];
/** IANA service name: what a named targetPort must look like upstream. */
const PORT_NAME = new RegExp(`^(?=.*[a-z])${DNS1123_LABEL_FORMAT}$`);

/** SV1: CCI has no nodes, so NodePort cannot work; ExternalName is not offered either. */
export const serviceTypeRule: Rule = (doc) => {
  const type = mappingAt(doc, 'spec')?.['type'];
  if (type === undefined || (typeof type === 'string' && SUPPORTED_TYPES.includes(type))) return [];
  const fix = {
    title: { en: 'Use type ClusterIP', 'zh-CN': '改用 ClusterIP 类型' },
    set: [{ path: 'spec.type', value: 'ClusterIP' }],
  };
  if (type === 'NodePort')
    return [
      violation(
        'SV1',
        'spec.type',
        'error',
        'CCI does not support NodePort Services: there are no nodes whose ports could be opened. Use ClusterIP for access inside the namespace, or LoadBalancer with an ELB (annotation kubernetes.io/elb.id) for access from outside',
        'CCI 不支持 NodePort 类型的 Service：云容器实例没有节点可以开放端口。命名空间内访问请用 ClusterIP，外部访问请用绑定 ELB（注解 kubernetes.io/elb.id）的 LoadBalancer',
        { fix },
      ),
    ];
  if (type === 'ExternalName')
    return [
      violation(
        'SV1',
        'spec.type',
        'error',
        'CCI supports only ClusterIP and LoadBalancer Services; ExternalName (a DNS alias) is not available. Reach the external host by its own name instead',
        'CCI 仅支持 ClusterIP 和 LoadBalancer 类型的 Service，不支持 ExternalName（DNS 别名），请直接使用外部主机的域名访问',
        { fix },
      ),
    ];
  return [
    violation(
      'SV1',
      'spec.type',
      'error',
      `spec.type must be ClusterIP or LoadBalancer (got ${show(type)})`,
      `spec.type 只能是 ClusterIP 或 LoadBalancer（当前为 ${show(type)}）`,
      { fix },
    ),
  ];
};

/** SV1: every port 1-65535 over TCP or UDP, named when there are several. */
export const servicePortsRule: Rule = (doc) => {
  const spec = mappingAt(doc, 'spec') ?? {};
  const ports = spec['ports'];
  const headless = spec['clusterIP'] === 'None';
  if (ports === undefined && headless) return [];
  if (!Array.isArray(ports) || ports.length === 0)
    return [
      violation(
        'SV1',
        'spec.ports',
        'error',
        'a Service needs at least one entry in spec.ports (port, targetPort, protocol)',
        'Service 至少需要一个 spec.ports 条目（port、targetPort、protocol）',
      ),
    ];
  const out: RuleViolation[] = [];
  const seenNames = new Set<string>();
  ports.forEach((port: unknown, index) => {
    const path = childPath('spec.ports', index);
    if (!isRecord(port)) {
      out.push(violation('SV1', path, 'error', `${path} must be a mapping`, `${path} 必须是映射`));
      return;
    }
    out.push(
      ...integerInRange('SV1', `${path}.port`, port['port'], {
        min: 1,
        max: 65535,
        required: true,
      }),
    );
    out.push(...targetPortViolations(`${path}.targetPort`, port['targetPort']));
    const protocol = port['protocol'];
    if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP')
      out.push(
        violation(
          'SV1',
          `${path}.protocol`,
          'error',
          `${path}.protocol must be TCP or UDP in CCI (got ${show(protocol)})`,
          `CCI 的 Service 转发协议只支持 TCP 和 UDP（${path}.protocol 当前为 ${show(protocol)}）`,
        ),
      );
    if (port['nodePort'] !== undefined)
      out.push(
        violation(
          'SV1',
          `${path}.nodePort`,
          spec['type'] === 'LoadBalancer' ? 'warning' : 'error',
          `${path}.nodePort has no meaning in CCI (there are no nodes); remove it`,
          `CCI 没有节点，${path}.nodePort 没有意义，请删除`,
          {
            fix: {
              title: { en: 'Remove nodePort', 'zh-CN': '删除 nodePort' },
              remove: [`${path}.nodePort`],
            },
          },
        ),
      );
    const name = port['name'];
    if (name === undefined && ports.length > 1)
      out.push(
        violation(
          'SV1',
          `${path}.name`,
          'error',
          `${path}.name is required when a Service has more than one port`,
          `Service 有多个端口时，${path}.name 必填`,
        ),
      );
    if (typeof name === 'string') {
      if (seenNames.has(name))
        out.push(
          violation(
            'SV1',
            `${path}.name`,
            'error',
            `port name ${show(name)} is used twice`,
            `端口名 ${show(name)} 重复`,
          ),
        );
      seenNames.add(name);
    }
  });
  return out;
};

function targetPortViolations(path: string, value: unknown): RuleViolation[] {
  if (value === undefined || typeof value === 'number')
    return integerInRange('SV1', path, value, { min: 1, max: 65535 });
  if (typeof value === 'string' && value.length <= 15 && PORT_NAME.test(value)) return [];
  return [
    violation(
      'SV1',
      path,
      'error',
      `${path} must be a port number 1-65535 or the name of a container port (got ${show(value)})`,
      `${path} 必须是 1-65535 的端口号或容器端口名（当前为 ${show(value)}）`,
    ),
  ];
}

/** SV2: a LoadBalancer Service binds the ELB named by kubernetes.io/elb.id (same VPC). */
export const serviceElbRule: Rule = (doc) => {
  const type = mappingAt(doc, 'spec')?.['type'];
  const elbId = annotationsOf(doc)[ELB_ID_ANNOTATION];
  const path = annotationPath(ELB_ID_ANNOTATION);
  if (type === 'LoadBalancer' && !isNonEmptyString(elbId))
    return [
      violation(
        'SV2',
        path,
        'error',
        `a LoadBalancer Service needs annotation ${ELB_ID_ANNOTATION} with the id of an enhanced ELB in the same VPC${elbId === undefined ? '' : ` (got ${show(elbId)})`}`,
        `LoadBalancer 类型的 Service 需要注解 ${ELB_ID_ANNOTATION}，取值为同一 VPC 内增强型 ELB 实例的 ID${elbId === undefined ? '' : `（当前为 ${show(elbId)}）`}`,
      ),
    ];
  if (type !== 'LoadBalancer' && elbId !== undefined)
    return [
      violation(
        'SV2',
        path,
        'warning',
        `${ELB_ID_ANNOTATION} only takes effect on a LoadBalancer Service; set spec.type: LoadBalancer or remove the annotation`,
        `${ELB_ID_ANNOTATION} 只对 LoadBalancer 类型的 Service 生效，请将 spec.type 设为 LoadBalancer 或删除该注解`,
      ),
    ];
  return [];
};

export const serviceRules: Rule[] = [serviceTypeRule, servicePortsRule, serviceElbRule];

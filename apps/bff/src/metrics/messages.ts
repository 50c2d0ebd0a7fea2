import { message as m, type Message } from '../messages.ts';

/** What the metrics routes answer when they refuse a request, in both UI languages. */
export const metricsMessages = {
  badRange: m(
    'metrics.range.invalid',
    'range must be one of {allowed} (seconds).',
    'range 必须是 {allowed} 之一（秒）。',
  ),
  badNamespace: m(
    'metrics.namespace.invalid',
    'Namespace "{namespace}" is not a valid namespace name (lowercase letters, digits and "-", at most 63 characters).',
    '命名空间“{namespace}”名称无效（仅限小写字母、数字和“-”，最多 63 个字符）。',
  ),
  badPodName: m(
    'metrics.pod.invalid',
    'Pod "{pod}" is not a valid pod name (lowercase letters, digits, "-" and ".").',
    'Pod“{pod}”名称无效（仅限小写字母、数字、“-”和“.”）。',
  ),
  forbidden: m(
    'metrics.forbidden',
    'Your account may not read this pod or namespace, so its metrics are not shown.',
    '您的账号无权读取该 Pod 或命名空间，因此不显示其监控指标。',
  ),
  notFound: m(
    'metrics.notFound',
    'The pod or namespace does not exist (or is not visible to your account).',
    'Pod 或命名空间不存在（或对您的账号不可见）。',
  ),
  unexpectedPod: m(
    'metrics.pod.unexpected',
    'CCI answered with an unexpected object for pod {namespace}/{pod}.',
    'CCI 为 Pod {namespace}/{pod} 返回了意外的对象。',
  ),
  upstreamFailed: m(
    'metrics.upstream.failed',
    'CCI answered HTTP {status} when reading the pod.',
    '读取 Pod 时 CCI 返回 HTTP {status}。',
  ),
  sdUnauthorized: m(
    'metrics.sd.unauthorized',
    'A valid service-discovery token is required (Authorization: Bearer <token> from POST /api/metrics/sd-tokens).',
    '需要有效的服务发现令牌（Authorization: Bearer <令牌>，由 POST /api/metrics/sd-tokens 创建）。',
  ),
} as const satisfies Record<string, Message>;

import { message as m, type Message } from '../messages.ts';

/** What the live stream answers, in both UI languages. */
export const streamMessages = {
  unknownStream: m(
    'stream.unknown',
    'No live stream {stream} is open for this session.',
    '本会话没有打开的实时流 {stream}。',
  ),
  tooManyStreams: m(
    'stream.tooManyStreams',
    'This session has too many live streams open (at most {max}). Close some console tabs.',
    '本会话打开的实时流过多（最多 {max} 个），请关闭部分控制台标签页。',
  ),
  tooManySubscriptions: m(
    'stream.tooManySubscriptions',
    'This session has too many live subscriptions (at most {max}).',
    '本会话的实时订阅过多（最多 {max} 个）。',
  ),
  unknownSubscription: m(
    'stream.unknownSubscription',
    'No subscription {id} on this live stream.',
    '该实时流上没有订阅 {id}。',
  ),
  duplicateSubscription: m(
    'stream.duplicateSubscription',
    'Subscription {id} already exists on this live stream.',
    '该实时流上已存在订阅 {id}。',
  ),
  unknownResource: m(
    'stream.unknownResource',
    '{resource} is not a resource the console can follow (expected group/version/plural).',
    '{resource} 不是控制台可订阅的资源（格式应为 group/version/plural）。',
  ),
  notNamespaced: m(
    'stream.notNamespaced',
    '{resource} is not namespaced: leave the namespace out.',
    '{resource} 不属于命名空间，请不要指定命名空间。',
  ),
  noSelectors: m(
    'stream.noSelectors',
    '{resource} supports no label selector (rule S4).',
    '{resource} 不支持标签选择器（规则 S4）。',
  ),
  invalidSelector: m(
    'stream.invalidSelector',
    'labelSelector is invalid: {problem}',
    'labelSelector 无效：{problem}',
  ),
} as const satisfies Record<string, Message>;

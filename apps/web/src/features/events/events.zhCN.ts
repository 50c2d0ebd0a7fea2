import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './events.en.ts';

/** Strings of the namespace Events list. Chinese: the same keys as events.en.ts. */
export const zhCN: Strings<typeof en> = {
  events: {
    title: '事件',
    count_one: '{{count}} 组事件',
    count_other: '{{count}} 组事件',
    none: '此命名空间中没有事件',
    noMatch: '没有符合筛选条件的事件',
    typeFilter: '类型',
    typeAll: '全部',
    typeNormal: '正常',
    typeWarning: '告警',
    reasonFilter: '按原因筛选',
    objectFilter: '按对象筛选（类型/名称）',
    type: '类型',
    reason: '原因',
    object: '对象',
    message: '消息',
    count: '次数',
    firstSeen: '首次出现',
    lastSeen: '最近出现',
    source: '来源',
    ago: '{{age}} 前',
  },
};

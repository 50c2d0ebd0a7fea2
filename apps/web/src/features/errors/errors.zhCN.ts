import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './errors.en.ts';

/** Upstream Status errors shown in full. Chinese: the same keys as errors.en.ts. */
export const zhCN: Strings<typeof en> = {
  apiError: {
    title: '请求失败（{{code}} {{reason}}）',
    titleNoCode: '请求失败',
    errorCode: 'CCI 错误码',
    object: '对象',
    field: '字段',
    reason: '原因',
    message: '信息',
    network: '无法连接控制台服务器，请检查网络后重试。',
  },
};

import { defineCatalog } from '../../i18n/featureCatalog.ts';

/** Upstream Status errors shown in full. */
export const errorsCatalog = defineCatalog({
  en: {
    apiError: {
      title: 'The request failed ({{code}} {{reason}})',
      titleNoCode: 'The request failed',
      errorCode: 'CCI error code',
      object: 'Object',
      field: 'Field',
      reason: 'Reason',
      message: 'Message',
      network: 'The console server could not be reached. Check your connection and try again.',
    },
  },
  zhCN: {
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
  },
});

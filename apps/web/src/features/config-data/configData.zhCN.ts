import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './configData.en.ts';

/** Strings of a ConfigMap's or Secret's data. Chinese: the same keys as configData.en.ts. */
export const zhCN: Strings<typeof en> = {
  configData: {
    title: '数据',
    none: '没有数据',
    keys_one: '{{count}} 个键',
    keys_other: '{{count}} 个键',
    bytes_one: '{{count}} 字节',
    bytes_other: '{{count}} 字节',
    lines_one: '{{count}} 行',
    lines_other: '{{count}} 行',
    binary: '二进制，以 base64 显示',
    reveal: '显示 {{key}}',
    hide: '隐藏 {{key}}',
    copy: '复制 {{key}}',
    copied: '已复制',
    masked: '{{key}} 的值已隐藏',
    revealAll: '显示密钥的值',
    revealAllHint: '值在您选择显示前保持隐藏',
  },
};

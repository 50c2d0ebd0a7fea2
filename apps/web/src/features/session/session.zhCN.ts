import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './session.en.ts';

/** In-place re-sign-in after a 401, and the BFF reachability banner. Chinese: the same keys as session.en.ts. */
export const zhCN: Strings<typeof en> = {
  session: {
    expiredTitle: '会话已失效',
    expiredBody:
      '请重新登录以继续。当前页面保持不变：已输入的内容会保留，数据会重新加载，失败的操作会重新提交。',
    retried_one: '已重新登录；已重新提交 {{count}} 个中断的操作。',
    retried_other: '已重新登录；已重新提交 {{count}} 个中断的操作。',
    resumed: '已重新登录。',
    fullSignIn: '改为前往登录页',
    unreachableTitle: '无法连接控制台服务器',
    unreachableBody: '正在自动重试……本页的修改会保留。',
    reachableAgain: '连接已恢复。',
  },
};

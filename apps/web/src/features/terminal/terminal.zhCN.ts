import type { Strings } from '../../i18n/featureCatalog.ts';
import type { en } from './terminal.en.ts';

/** 容器组详情“终端”标签页的文案（简体中文）。 */
export const zhCN: Strings<typeof en> = {
  terminal: {
    tab: '终端',
    loading: '正在加载终端…',
    screen: '终端屏幕',
    container: '容器',
    shell: 'Shell',
    connect: '连接',
    reconnect: '重新连接',
    disconnect: '断开',
    copy: '复制所选内容',
    paste: '粘贴',
    connecting: '正在连接 {{container}}（{{shell}}）…',
    connected: '已连接 {{container}}（{{shell}}）',
    exited: 'Shell 已退出，退出码 {{code}}。',
    closed: '终端已关闭。',
    connectionLost: '与终端的连接已断开（或被拒绝）。请重新连接。',
    noShell: '该容器中没有 {{shell}}，请选择其他 Shell。',
    podNotRunning: '容器组未在运行（阶段 {{phase}}）：终端需要运行中的容器。',
    containerNotRunning: '容器 {{container}} 未在运行（{{state}}）。',
    clipboardDenied: '浏览器不允许访问剪贴板。',
  },
};

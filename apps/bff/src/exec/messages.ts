import { message as m } from '../messages.ts';

/** What a terminal (pods/exec relay) answers, in both UI languages. */
export const execMessages = {
  notAShell: m(
    'exec.notAShell',
    'The terminal starts a shell only ({shells}); {command} is not one of them.',
    '终端只能启动 shell（{shells}），{command} 不在其中。',
  ),
  invalidName: m(
    'exec.invalidName',
    '{field} is not a valid Kubernetes name.',
    '{field} 不是有效的 Kubernetes 名称。',
  ),
  notAnUpgrade: m(
    'exec.notAnUpgrade',
    'The terminal is a WebSocket: upgrade with the subprotocol {protocol}.',
    '终端使用 WebSocket：请以子协议 {protocol} 升级连接。',
  ),
  originRefused: m(
    'exec.originRefused',
    'A terminal can be opened only from the console itself ({why}).',
    '只能从控制台本身打开终端（{why}）。',
  ),
  idle: m(
    'exec.idle',
    'The terminal was closed after {minutes} minutes without input or output.',
    '终端在 {minutes} 分钟无输入输出后已关闭。',
  ),
  sessionEnded: m(
    'exec.sessionEnded',
    'Your session ended, so the terminal was closed. Sign in again to reopen it.',
    '会话已结束，终端已关闭。请重新登录后再打开。',
  ),
  shutdown: m(
    'exec.shutdown',
    'The console server is restarting; the terminal was closed.',
    '控制台服务正在重启，终端已关闭。',
  ),
  upstreamFailed: m(
    'exec.upstreamFailed',
    'CCI could not open the terminal: {message}',
    'CCI 无法打开终端：{message}',
  ),
  upstreamUnreachable: m(
    'exec.upstreamUnreachable',
    'CCI could not be reached to open the terminal ({why}).',
    '无法连接 CCI 打开终端（{why}）。',
  ),
};

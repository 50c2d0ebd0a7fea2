// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n.ts';
import { en } from './logs.en.ts';
import { zhCN } from './logs.zhCN.ts';
import { podCountText } from './logTargets.ts';

describe("a workload's pod count in the Logs tab", () => {
  it('says how many pods are read, of how many, and how many are starting (en)', () => {
    const t = initI18n('en', { logs: en }).t;
    expect(podCountText(t, 1, 1, 0)).toBe('1 pod');
    expect(podCountText(t, 3, 3, 0)).toBe('3 pods');
    expect(podCountText(t, 8, 12, 0)).toBe('showing 8 of 12 pods (the most read at once)');
    expect(podCountText(t, 2, 2, 1)).toBe('2 pods · 1 starting');
  });

  it('in Chinese', () => {
    const t = initI18n('zh-CN', { logs: zhCN }).t;
    expect(podCountText(t, 3, 3, 0)).toBe('3 个 Pod');
    expect(podCountText(t, 8, 12, 2)).toBe(
      '显示 12 个 Pod 中的 8 个（同时读取的上限） · 2 个启动中',
    );
  });
});

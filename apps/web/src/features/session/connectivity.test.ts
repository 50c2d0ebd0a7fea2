import { onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Connectivity } from './connectivity.ts';

afterEach(() => {
  vi.useRealTimers();
  onlineManager.setOnline(true);
});

describe('Connectivity', () => {
  it('pauses queries while the BFF is unreachable and resumes once /healthz answers', async () => {
    vi.useFakeTimers();
    const answers = [false, true];
    const probe = vi.fn(async () => answers.shift() ?? true);
    const connectivity = new Connectivity(new QueryClient(), probe);
    const changes: boolean[] = [];
    connectivity.subscribe(() => changes.push(connectivity.isReachable()));

    connectivity.report(false);
    connectivity.report(false); // repeated failures change nothing
    expect(connectivity.isReachable()).toBe(false);
    expect(onlineManager.isOnline()).toBe(false);

    await vi.advanceTimersByTimeAsync(3_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(connectivity.isReachable()).toBe(false);

    await vi.advanceTimersByTimeAsync(3_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(connectivity.isReachable()).toBe(true);
    expect(onlineManager.isOnline()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('recovers at once when any request gets an answer again', () => {
    const connectivity = new Connectivity(new QueryClient(), async () => false);
    connectivity.report(false);
    connectivity.report(true);
    expect(connectivity.isReachable()).toBe(true);
    expect(onlineManager.isOnline()).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  fenceposts,
  newReplicaSetSize,
  oldReplicaSetSizes,
  resolveIntOrPercent,
} from './rollout.ts';

describe('rollout arithmetic (D3)', () => {
  it('D3: surge rounds up, unavailable rounds down, both default to 25%', () => {
    expect(fenceposts(undefined, 2)).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(fenceposts({ type: 'RollingUpdate' }, 4)).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    expect(fenceposts({ rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }, 10)).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
    expect(resolveIntOrPercent('30%', 10, true)).toBe(3);
    expect(resolveIntOrPercent('35%', 10, true)).toBe(4);
    expect(resolveIntOrPercent('35%', 10, false)).toBe(3);
    expect(resolveIntOrPercent('3', 10, false)).toBe(3);
  });

  it('D3: surge 0 and unavailable 0 would deadlock: one pod may be unavailable', () => {
    expect(fenceposts({ rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }, 3)).toEqual({
      maxSurge: 0,
      maxUnavailable: 1,
    });
    expect(fenceposts({ rollingUpdate: { maxSurge: '10%', maxUnavailable: '10%' } }, 2)).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
  });

  it('D3: the new ReplicaSet grows only within replicas + surge', () => {
    expect(newReplicaSetSize(2, 1, 2, 0)).toBe(1);
    expect(newReplicaSetSize(2, 1, 3, 1)).toBe(1);
    expect(newReplicaSetSize(2, 1, 2, 1)).toBe(2);
    expect(newReplicaSetSize(2, 1, 0, 0)).toBe(2);
    expect(newReplicaSetSize(2, 1, 5, 3)).toBe(2);
  });

  it('D3: old ReplicaSets shrink only as far as availability allows, unavailable pods first', () => {
    const newRs = { name: 'new', replicas: 1, available: 0 };
    expect(
      oldReplicaSetSizes(2, 0, newRs, [{ name: 'old', replicas: 2, available: 2 }]).get('old'),
    ).toBe(2);
    expect(
      oldReplicaSetSizes(2, 0, { ...newRs, available: 1 }, [
        { name: 'old', replicas: 2, available: 2 },
      ]).get('old'),
    ).toBe(1);
    const sizes = oldReplicaSetSizes(4, 1, { name: 'new', replicas: 1, available: 1 }, [
      { name: 'older', replicas: 2, available: 0 },
      { name: 'old', replicas: 2, available: 2 },
    ]);
    expect([sizes.get('older'), sizes.get('old')]).toEqual([0, 2]);
  });
});

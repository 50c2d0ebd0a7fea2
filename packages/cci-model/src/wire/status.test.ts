import { describe, expect, it } from 'vitest';
import { isStatus, type Status } from './status.ts';

describe('isStatus', () => {
  it('tells a Status from a list or an object', () => {
    const failure: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "web" not found',
      reason: 'NotFound',
      code: 404,
      details: { name: 'web', kind: 'pods' },
    };
    expect(isStatus(failure)).toBe(true);
    expect(isStatus({ kind: 'PodList', items: [] })).toBe(false);
    expect(isStatus({ kind: 'Status' })).toBe(false);
    expect(isStatus(null)).toBe(false);
    expect(isStatus('Status')).toBe(false);
  });
});

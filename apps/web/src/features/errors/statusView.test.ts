import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/kube/http.ts';
import { statusView } from './statusView.ts';

describe('statusView', () => {
  it('P1 keeps every cause of an upstream 422 with its field and CCI rule reason', () => {
    const error = new ApiError(422, {
      kind: 'Status',
      code: 422,
      reason: 'Invalid',
      message: 'Pod "web" is invalid: spec.containers[0].resources.limits: P1 ...',
      details: {
        name: 'web',
        kind: 'Pod',
        causes: [
          {
            reason: 'CCI.P1',
            field: 'spec.containers[0].resources.limits',
            message: 'limits must equal requests',
          },
          { reason: 'CCI.P2', field: 'spec.imagePullSecrets', message: 'must be imagepull-secret' },
        ],
      },
    });
    const view = statusView(error, 'en');
    expect(view).toMatchObject({ code: 422, reason: 'Invalid', object: 'Pod/web' });
    expect(view?.message).toContain('spec.containers[0].resources.limits: P1');
    expect(view?.causes).toEqual([
      {
        field: 'spec.containers[0].resources.limits',
        reason: 'CCI.P1',
        message: 'limits must equal requests',
      },
      { field: 'spec.imagePullSecrets', reason: 'CCI.P2', message: 'must be imagepull-secret' },
    ]);
  });

  it('shows the CCI error code and the BFF message in the UI language', () => {
    const error = new ApiError(409, {
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "web" already exists',
      messages: { en: 'pods "web" already exists', 'zh-CN': 'Pod "web" 已存在' },
      errorCode: 'CCI.02.409101',
    });
    expect(statusView(error, 'zh-CN')).toMatchObject({
      errorCode: 'CCI.02.409101',
      message: 'Pod "web" 已存在',
    });
  });

  it('has no view for errors without a Status', () => {
    expect(statusView(new TypeError('Failed to fetch'), 'en')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { validateDocument } from '@cci/model';
import { applyFix, ruleProblems, serverFieldProblems, withoutRuleId } from './formProblems.ts';

const pod = (extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'demo', ...extra },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
      },
    ],
    imagePullSecrets: [{ name: 'imagepull-secret' }],
  },
});

describe('form problems', () => {
  it('withoutRuleId drops the leading rule ID in both languages, nothing else', () => {
    expect(withoutRuleId('P3: GPUs need a GPU namespace')).toBe('GPUs need a GPU namespace');
    expect(withoutRuleId('P3：GPU 只能')).toBe('GPU 只能');
    expect(withoutRuleId('CCI.EIP2: not found')).toBe('not found');
    expect(withoutRuleId('Use P3 carefully')).toBe('Use P3 carefully');
  });

  it('P2 a rule finding lands on its path, and its fix makes the rule pass', () => {
    const doc = pod();
    doc.spec.imagePullSecrets = [{ name: 'other' }];
    const [found] = ruleProblems(doc, { namespace: 'demo' }).filter((p) => p.rule === 'P2');
    expect(found?.path.slice(0, 2)).toEqual(['spec', 'imagePullSecrets']);
    expect(found?.fix).toBeDefined();
    const fixed = applyFix(doc, found!.fix!);
    expect(validateDocument(fixed, { namespace: 'demo' }).filter((v) => v.rule === 'P2')).toEqual(
      [],
    );
  });

  it('EIP2 a refusal without causes is split into its `path: RULE: message` parts', () => {
    const message =
      'spec.template.metadata.annotations["yangtse.io/eip-id"]: EIP2: eip "x" not found';
    const [p] = serverFieldProblems({ message }, 'fallback');
    expect(p?.rule).toBe('EIP2');
    expect(p?.path).toEqual(['spec', 'template', 'metadata', 'annotations', 'yangtse.io/eip-id']);
    expect(p?.message.en).toBe('eip "x" not found');
  });

  it('a 422 cause names its field, in the language the server sent', () => {
    const [p] = serverFieldProblems(
      {
        details: {
          causes: [
            {
              field: 'spec.replicas',
              reason: 'FieldValueInvalid',
              message: 'bad',
              messages: { en: 'bad', 'zh-CN': '无效' },
            },
          ],
        },
      },
      'fallback',
    );
    expect(p?.path).toEqual(['spec', 'replicas']);
    expect(p?.message['zh-CN']).toBe('无效');
  });
});

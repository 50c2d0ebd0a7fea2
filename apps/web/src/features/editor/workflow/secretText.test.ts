import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MASK } from '../../config-data/configData.ts';
import { editableYaml } from './editableObject.ts';
import { maskSecretValues, unmaskSecretValues } from './secretText.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const live = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'db',
    namespace: 'demo',
    resourceVersion: '7',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': `{"data":{"password":"${b64('pw')}"}}`,
      team: 'a',
    },
  },
  type: 'Opaque',
  data: { username: b64('demo'), password: b64('redis-demo-password') },
};

describe('a Secret in the Edit YAML editor', () => {
  it('shows every stored value as the mask, never the base64 (values and last-applied)', () => {
    const text = maskSecretValues(editableYaml(live), live);
    expect(text).not.toContain(b64('demo'));
    expect(text).not.toContain(b64('redis-demo-password'));
    expect(text).not.toContain(b64('pw'));
    const shown = parse(text);
    expect(shown.data).toEqual({ username: MASK, password: MASK });
    expect(shown.metadata.annotations.team).toBe('a');
  });

  it('never writes the mask back: a key still masked gets its stored value; an edited one is taken as typed', () => {
    const masked = maskSecretValues(editableYaml(live), live);
    const edited = masked.replace(/password: .*/, `password: ${b64('new-password')}`);
    const applied = parse(unmaskSecretValues(edited, live));
    expect(applied.data).toEqual({ username: b64('demo'), password: b64('new-password') });
    expect(applied.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      live.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'],
    );
    expect(JSON.stringify(applied)).not.toContain(MASK);
  });

  it('hiding again masks only the values as stored, so an edit made while shown survives', () => {
    const shown = unmaskSecretValues(maskSecretValues(editableYaml(live), live), live);
    const edited = shown.replace(/username: .*/, `username: ${b64('admin')}`);
    const hidden = maskSecretValues(edited, live);
    expect(parse(hidden).data).toEqual({ username: b64('admin'), password: MASK });
  });

  it('keeps other kinds and comments as written, and leaves a mask without a stored value', () => {
    const text = [
      '# my edit',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db',
      'data:',
      `  password: ${MASK} # keep`,
      `  extra: ${MASK}`,
      '---',
      'kind: ConfigMap',
      'data:',
      `  password: ${MASK}`,
      '',
    ].join('\n');
    const applied = unmaskSecretValues(text, live);
    expect(applied).toContain('# my edit');
    expect(applied).toContain(`password: ${b64('redis-demo-password')} # keep`);
    expect(applied).toContain(`extra: ${MASK}`);
    expect(applied.split('---')[1]).toContain(`password: ${MASK}`);
  });
});

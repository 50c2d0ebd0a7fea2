import { describe, expect, it } from 'vitest';
import { fieldSelectorMatches, formatFieldSelector, parseFieldSelector } from './fieldSelector.ts';
import type { FieldSelector } from './fieldSelector.ts';
import { selectableFieldValue, supportedFieldsFor, unsupportedFieldError } from './fieldSupport.ts';

function parsed(text: string): FieldSelector {
  const r = parseFieldSelector(text);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
}

describe('parseFieldSelector', () => {
  it.each([
    ['status.phase=Running', [{ field: 'status.phase', operator: 'Equals', value: 'Running' }]],
    ['status.phase==Running', [{ field: 'status.phase', operator: 'Equals', value: 'Running' }]],
    ['status.phase!=Running', [{ field: 'status.phase', operator: 'NotEquals', value: 'Running' }]],
    ['metadata.name=', [{ field: 'metadata.name', operator: 'Equals', value: '' }]],
    [
      'spec.nodeName=n1,metadata.name!=a',
      [
        { field: 'metadata.name', operator: 'NotEquals', value: 'a' },
        { field: 'spec.nodeName', operator: 'Equals', value: 'n1' },
      ],
    ],
    [' metadata.name = a , ', [{ field: 'metadata.name', operator: 'Equals', value: 'a' }]],
    [
      'metadata.name=a\\,b\\=c\\\\',
      [{ field: 'metadata.name', operator: 'Equals', value: 'a,b=c\\' }],
    ],
    ['', []],
  ])('%s', (text, requirements) => {
    expect(parsed(text).requirements).toEqual(requirements);
  });

  it.each([
    ['status.phase', "invalid selector: 'status.phase'; can't understand 'status.phase'"],
    ['=Running', "invalid selector: '=Running'; can't understand '=Running'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: ='],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
  ])('rejects %s', (text, message) => {
    const r = parseFieldSelector(text);
    expect(!r.ok && r.error).toBe(message);
  });

  it('formats back with escapes', () => {
    const s = parsed('metadata.name=a\\,b,status.phase!=Failed');
    expect(formatFieldSelector(s)).toBe('metadata.name=a\\,b,status.phase!=Failed');
    expect(parsed(formatFieldSelector(s))).toEqual(s);
  });
});

describe('fieldSelectorMatches', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'ns1' },
    spec: { nodeName: 'node-a' },
    status: { phase: 'Running' },
  };
  const get = (f: string) => selectableFieldValue('Pod', pod, f);
  it.each([
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['status.phase=Running,spec.nodeName=node-b', false],
    ['metadata.name=web-1,metadata.namespace=ns1', true],
    ['status.podIP=', true],
    ['status.podIP!=', false],
    ['spec.hostNetwork=false', true],
    ['', true],
  ])('%s -> %s', (text, expected) => {
    expect(fieldSelectorMatches(parsed(text), get)).toBe(expected);
  });
});

describe('supportedFieldsFor / unsupportedFieldError', () => {
  it('offers metadata fields for every kind and kind-specific fields', () => {
    expect(supportedFieldsFor('ConfigMap')).toEqual(['metadata.name', 'metadata.namespace']);
    expect(supportedFieldsFor('Pod')).toEqual(
      expect.arrayContaining(['status.phase', 'spec.nodeName']),
    );
    expect(supportedFieldsFor('Event')).toEqual(
      expect.arrayContaining(['involvedObject.name', 'involvedObject.kind', 'involvedObject.uid']),
    );
    expect(supportedFieldsFor('Secret')).toContain('type');
  });

  it.each([
    ['ConfigMap', 'status.phase=Running', 'field label not supported: status.phase'],
    ['Pod', 'spec.containers=x', 'field label not supported: spec.containers'],
    ['Secret', 'type=Opaque', undefined],
    ['Event', 'involvedObject.name=web-1,type=Warning', undefined],
    ['EIPPool', 'metadata.name=p', undefined],
  ])('%s %s', (kind, text, message) => {
    expect(unsupportedFieldError(parsed(text), kind)).toBe(message);
  });

  it('reads aliased event and job fields', () => {
    const event = { source: { component: 'kubelet' }, reportingController: 'cci', type: 'Normal' };
    expect(selectableFieldValue('Event', event, 'source')).toBe('kubelet');
    expect(selectableFieldValue('Event', event, 'reportingComponent')).toBe('cci');
    expect(selectableFieldValue('Job', { status: { succeeded: 2 } }, 'status.successful')).toBe(
      '2',
    );
    expect(selectableFieldValue('Job', {}, 'status.successful')).toBe('0');
  });
});

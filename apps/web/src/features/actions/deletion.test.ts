import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/objects.ts';
import {
  deleteEach,
  deleteOptionsFor,
  needsTypedConfirmation,
  typedNamesMatch,
} from './deletion.ts';

const object = (name: string, uid?: string): KubeObject => ({
  metadata: { name, ...(uid ? { uid } : {}) },
});

describe('deletion', () => {
  it('P11 deletes by name with the uid the user saw as precondition, dependents in background', () => {
    expect(deleteOptionsFor(object('web', 'u-1'))).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Background',
      preconditions: { uid: 'u-1' },
    });
    expect(deleteOptionsFor(object('web'))).not.toHaveProperty('preconditions');
  });

  it('asks for typed names only for namespaces', () => {
    expect(needsTypedConfirmation('namespaces')).toBe(true);
    expect(needsTypedConfirmation('pods')).toBe(false);
  });

  it('accepts the typed names in any order, and nothing less or more', () => {
    expect(typedNamesMatch('demo', ['demo'])).toBe(true);
    expect(typedNamesMatch(' b,  a ', ['a', 'b'])).toBe(true);
    expect(typedNamesMatch('a', ['a', 'b'])).toBe(false);
    expect(typedNamesMatch('a a', ['a', 'b'])).toBe(false);
    expect(typedNamesMatch('a b c', ['a', 'b'])).toBe(false);
    expect(typedNamesMatch('Demo', ['demo'])).toBe(false);
    expect(typedNamesMatch('', [])).toBe(true);
  });

  it('P11 deletes several objects; one failure is reported, the others still go', async () => {
    const boom = new Error('conflict');
    const outcome = await deleteEach([object('a'), object('b'), object('c')], async (o) => {
      if (o.metadata.name === 'b') throw boom;
    });
    expect(outcome).toEqual({ deleted: ['a', 'c'], failed: [{ name: 'b', error: boom }] });
  });
});

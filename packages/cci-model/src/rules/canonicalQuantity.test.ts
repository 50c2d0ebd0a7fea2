import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './canonicalQuantity.ts';

describe('canonicalQuantity (resource.Quantity as the API server writes it)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['2Gi', '2Gi'],
    ['500m', '500m'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1000', '1k'],
    ['2048', '2048'],
    ['1e3', '1e3'],
    ['512', '512'],
    ['100Ki', '100Ki'],
    ['0.1Ki', '102400m'],
    ['0', '0'],
    ['0Gi', '0'],
    ['1G', '1G'],
    ['1000M', '1G'],
    ['250m', '250m'],
  ])('%s -> %s', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });

  it('leaves what is not a quantity to validation', () => {
    expect(canonicalQuantity('lots')).toBeUndefined();
    expect(canonicalQuantity('1Gb')).toBeUndefined();
  });
});

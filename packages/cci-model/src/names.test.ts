import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDns1123Label, isDns1123Subdomain } from './names.ts';

describe('DNS-1123 names', () => {
  it.each([
    ['web', true, true],
    ['0-a', true, true],
    ['a'.repeat(63), true, true],
    ['a'.repeat(64), false, true],
    ['example.com', false, true],
    ['Web', false, false],
    ['-web', false, false],
    ['web-', false, false],
    ['a..b', false, false],
    ['', false, false],
    ['under_score', false, false],
  ])('%s: label %s, subdomain %s', (name, label, subdomain) => {
    expect(isDns1123Label(name)).toBe(label);
    expect(isDns1123Subdomain(name)).toBe(subdomain);
  });

  it('limits a subdomain to 253 characters', () => {
    const name = Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.');
    expect(name.length).toBe(255);
    expect(isDns1123Subdomain(name)).toBe(false);
    expect(isDns1123Subdomain(name.slice(2))).toBe(true);
  });

  it('every label is a subdomain, and a subdomain of dotless labels is a label when short', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.-]{0,70}$/), (name) => {
        if (isDns1123Label(name)) expect(isDns1123Subdomain(name)).toBe(true);
        if (isDns1123Subdomain(name) && !name.includes('.') && name.length <= 63) {
          expect(isDns1123Label(name)).toBe(true);
        }
      }),
    );
  });
});

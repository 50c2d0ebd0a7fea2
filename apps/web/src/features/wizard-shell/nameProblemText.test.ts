// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n.ts';
import { englishCatalogs } from '../../test/englishCatalogs.ts';
import { nameProblemText } from './nameProblemText.ts';

const t = initI18n('en', englishCatalogs).t;

describe('nameProblemText', () => {
  it('says nothing before a name is typed, nor for a good name', () => {
    expect(nameProblemText(t, 'required', '', 'eipPools.nameTaken')).toBeUndefined();
    expect(nameProblemText(t, undefined, 'pool-a', 'eipPools.nameTaken')).toBeUndefined();
  });

  it('words the DNS-1123 problems once and "taken" per kind', () => {
    expect(nameProblemText(t, 'dns1123', 'Pool_A', 'eipPools.nameTaken')).toBe(
      '"Pool_A" is not valid: use lower-case letters, digits and "-", starting and ending with a letter or digit.',
    );
    expect(nameProblemText(t, 'tooLong', 'x', 'snapshots.nameTaken')).toBe(
      'At most 63 characters.',
    );
    expect(nameProblemText(t, 'taken', 'web-cache', 'snapshots.nameTaken')).toBe(
      'A snapshot "web-cache" already exists.',
    );
    expect(nameProblemText(t, 'taken', 'p1', 'eipPools.nameTaken')).toBe(
      'A pool "p1" already exists in this namespace.',
    );
  });
});

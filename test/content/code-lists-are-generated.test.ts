/**
 * src/schema/code-lists.ts is written by `npm run build:codes` so that checking a code is a set
 * lookup, not a call into ICU at a function's cold start. This fails when the written lists differ
 * from what the running platform's CLDR data says (an edited file, or a Node upgrade whose ICU
 * knows other codes: run `npm run build:codes` and commit), and shows the schema's checks follow them.
 */
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../src/schema/code-lists.ts';
import { canonicalLanguageCode, isCountryCode, isIsoAssignedCountryCode, isLanguageCode } from '../../src/schema/codes.ts';
import { platformCountryCodes, platformLanguageCodes } from '../../src/schema/platform-codes.ts';

describe('the written country and language codes', () => {
  it('are the codes the platform names, in order', () => {
    expect(COUNTRY_CODES, 'run `npm run build:codes` and commit the result').toEqual(platformCountryCodes());
    expect(LANGUAGE_CODES, 'run `npm run build:codes` and commit the result').toEqual(platformLanguageCodes());
  });

  it('hold countries and territories, and refuse reserved, deprecated and user-assigned codes', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(240);
    for (const code of ['FR', 'BR', 'PS', 'EH', 'TW', 'XK', 'AQ']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['UK', 'EU', 'UN', 'SU', 'YU', 'ZZ', 'QM', 'XA', 'AA', 'fr', 'F', 'FRA', '']) expect(isCountryCode(code), code).toBe(false);
    expect(isIsoAssignedCountryCode('XK')).toBe(false);
    expect(isIsoAssignedCountryCode('FR')).toBe(true);
  });

  it('hold current ISO 639-1 languages only', () => {
    for (const code of ['en', 'fr', 'es', 'pt', 'it', 'de', 'ar', 'yi', 'ro']) expect(isLanguageCode(code), code).toBe(true);
    for (const code of ['mo', 'ji', 'iw', 'in', 'jw', 'sh', 'EN', 'eng', 'xx', '']) expect(isLanguageCode(code), code).toBe(false);
    expect(canonicalLanguageCode('mo')).toBe('ro');
    expect(canonicalLanguageCode(' FR ')).toBe('fr');
    expect(canonicalLanguageCode('not a tag')).toBeUndefined();
  });
});

/**
 * Country and language codes, validated and named by the platform's CLDR data through
 * `Intl.DisplayNames` rather than a hand-made table.
 *
 * ICU also names a few two-letter region codes that are not ISO 3166-1 countries
 * (exceptionally reserved and deprecated codes, user-assigned ranges); those are refused here.
 * See https://www.iso.org/iso-3166-country-codes.html and CLDR's region validity data.
 */
const NOT_COUNTRIES = new Set([
  // exceptionally reserved
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'FX',
  'IC',
  'TA',
  'UK',
  'UN',
  // transitionally reserved / deprecated
  'AN',
  'BU',
  'CS',
  'DD',
  'DY',
  'HV',
  'NH',
  'NT',
  'RH',
  'SU',
  'TP',
  'VD',
  'YD',
  'YU',
  'ZR',
  // unknown region
  'ZZ',
]);

const regionNames = new Map<string, Intl.DisplayNames>();
const languageNames = new Map<string, Intl.DisplayNames>();

function regionNamesIn(locale: string): Intl.DisplayNames {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  return names;
}

function languageNamesIn(locale: string): Intl.DisplayNames {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    languageNames.set(locale, names);
  }
  return names;
}

/**
 * User-assigned codes we accept as countries although ISO 3166-1 has not assigned them: XK, used
 * by the European Commission, the IMF and CLDR for Kosovo. Lists of officially assigned codes
 * (the Murmurations index's, for one) do not have them.
 */
export const USER_ASSIGNED_COUNTRY_CODES: readonly string[] = ['XK'];

/** True for a country code that ISO 3166-1 itself assigns (not a user-assigned one such as XK). */
export function isIsoAssignedCountryCode(code: string): boolean {
  return isCountryCode(code) && !USER_ASSIGNED_COUNTRY_CODES.includes(code);
}

/** True for an ISO 3166-1 alpha-2 code of a country or territory (upper case). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  if (NOT_COUNTRIES.has(code)) return false;
  if (/^(Q[M-Z]|X[A-JL-Z])$/.test(code)) return false; // user-assigned, except XK (Kosovo)
  return regionNamesIn('en').of(code) !== undefined;
}

/**
 * True for a current ISO 639-1 two-letter language code (lower case). Deprecated codes that CLDR
 * still names (`mo` for Romanian, `ji` for Yiddish, `iw`, `in`, `jw`, `sh`) are refused: the
 * platform's canonical form of each is another code (https://tc39.es/ecma402/#sec-canonicalizelocalelist).
 */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNamesIn('en').of(code) !== undefined && Intl.getCanonicalLocales(code)[0] === code;
}

/** A language code in its current form: `mo` → `ro`, `ji` → `yi`; undefined when it is none. */
export function canonicalLanguageCode(code: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(code.trim())[0]?.toLowerCase();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // RangeError: not a language tag at all
    return undefined;
  }
  return canonical && isLanguageCode(canonical) ? canonical : undefined;
}

export function countryName(code: string, locale = 'en'): string {
  return regionNamesIn(locale).of(code) ?? code;
}

export function languageName(code: string, locale = 'en'): string {
  return languageNamesIn(locale).of(code) ?? code;
}

/** Every two-letter code (A–Z, in the given case) that passes `valid`, asked of the platform one by one. */
function twoLetterCodes(first: number, valid: (code: string) => boolean): string[] {
  const codes: string[] = [];
  for (let a = first; a < first + 26; a++) {
    for (let b = first; b < first + 26; b++) {
      const code = String.fromCharCode(a, b);
      if (valid(code)) codes.push(code);
    }
  }
  return codes;
}

/** Every valid country code. */
export function allCountryCodes(): string[] {
  return twoLetterCodes(65, isCountryCode);
}

/** Every valid ISO 639-1 language code. */
export function allLanguageCodes(): string[] {
  return twoLetterCodes(97, isLanguageCode);
}

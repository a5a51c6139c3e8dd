/**
 * Country and language codes: which codes are valid comes from the platform's CLDR data
 * (src/schema/platform-codes.ts asks `Intl.DisplayNames`), written down once by
 * `npm run build:codes` as src/schema/code-lists.ts, so that validating a code is a set lookup.
 * Asking ICU at run time cost a function's cold start ~10 ms (loading the region names) just to
 * check `?country=FR`; the names themselves are still asked of `Intl.DisplayNames` where a
 * page shows them. test/content/code-lists-are-generated.test.ts fails when the written lists
 * differ from what the running platform says.
 */
import { COUNTRY_CODES, LANGUAGE_CODES } from './code-lists.ts';

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);
const LANGUAGES: ReadonlySet<string> = new Set(LANGUAGE_CODES);
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
  return COUNTRIES.has(code);
}

/**
 * True for a current ISO 639-1 two-letter language code (lower case). Deprecated codes that CLDR
 * still names (`mo` for Romanian, `ji` for Yiddish, `iw`, `in`, `jw`, `sh`) are refused: the
 * platform's canonical form of each is another code (https://tc39.es/ecma402/#sec-canonicalizelocalelist).
 */
export function isLanguageCode(code: string): boolean {
  return LANGUAGES.has(code);
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

/** Every valid country code, A to Z. */
export function allCountryCodes(): string[] {
  return [...COUNTRY_CODES];
}

/** Every valid ISO 639-1 language code, a to z. */
export function allLanguageCodes(): string[] {
  return [...LANGUAGE_CODES];
}

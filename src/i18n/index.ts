/**
 * The message catalogues, one per language (catalogue/<code>.ts), and the few functions everything
 * that shows text to a person uses:
 *
 *   t(locale, 'listing.count', { count: 3 })   // "3 groups", "3 groupes", "3 Gruppen"
 *   messages(locale)                            // the whole catalogue, e.g. to hand to a script
 *   pickLocale({ explicit: [lang, cookie], acceptLanguage })
 *
 * The site, the join pages, the API's error messages, the CMS and (through a generated subset,
 * see widget-messages.ts) the widget all read these; no other file holds a sentence a visitor reads.
 */
import { CONTENT_LOCALES, isContentLocale, type ContentLocale } from '../schema/locales.ts';
import * as registry from './catalogue/index.ts';
import { formatMessage, type Params } from './format.ts';
import { negotiate, type LanguageChoice } from './negotiate.ts';
import type { Catalogue, MessageId, ParamsOf, PlainId } from './types.ts';

export type { Catalogue, MessageId, ParamsOf } from './types.ts';

export type Locale = keyof typeof registry;

/**
 * A catalogue is an object, or a function that builds it (the languages other than English are
 * functions: a process builds only those it is asked for, and V8 only pre-parses the others at
 * start, a few ms of every function's cold start: bench/cold-start.ts).
 */
export type CatalogueSource = Catalogue | (() => Catalogue);
const SOURCES: Readonly<Record<Locale, CatalogueSource>> = registry;
const built = new Map<Locale, Catalogue>();

function catalogue(locale: Locale): Catalogue {
  let found = built.get(locale);
  if (!found) {
    const source = SOURCES[locale];
    built.set(locale, (found = typeof source === 'function' ? source() : source));
  }
  return found;
}

export const DEFAULT_LOCALE = 'en' satisfies Locale;

/**
 * Every language, the default first, then in the order of the content languages, then any other
 * (a catalogue without content texts yet: entries fall back to English there).
 */
export const LOCALES: readonly Locale[] = [
  DEFAULT_LOCALE,
  ...CONTENT_LOCALES.filter((l): l is ContentLocale & Locale => l !== DEFAULT_LOCALE && l in SOURCES),
  ...(Object.keys(SOURCES) as Locale[]).filter((l) => l !== DEFAULT_LOCALE && !isContentLocale(l)).sort(),
];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(SOURCES, value);
}

export function messages(locale: Locale): Catalogue {
  return catalogue(locale);
}

/** A message in a language, filled with its parameters. */
export function t<K extends PlainId>(locale: Locale, id: K): string;
export function t<K extends MessageId>(locale: Locale, id: K, params: ParamsOf<K>): string;
export function t(locale: Locale, id: MessageId, params?: Params): string {
  return formatMessage(locale, catalogue(locale)[id] ?? catalogue(DEFAULT_LOCALE)[id], params);
}

/** A message that only some ids have (e.g. a field's hint): undefined when the id is not in the catalogue. */
export function optional(locale: Locale, id: string, params?: Params): string | undefined {
  if (!Object.hasOwn(catalogue(DEFAULT_LOCALE), id)) return undefined;
  return formatMessage(locale, catalogue(locale)[id as MessageId], params);
}

/** The language for a request or a page; see negotiate.ts for the order of precedence. */
export function pickLocale(choice: LanguageChoice): Locale {
  return negotiate(LOCALES, choice);
}

/** The content languages to show an entry's texts in for a page in `locale`: its own, then English. */
export function contentPrefs(locale: Locale): ContentLocale[] {
  return [...new Set<ContentLocale>([...(isContentLocale(locale) ? [locale] : []), 'en'])];
}

/** "a, b or c" in the language (https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/ListFormat). */
export function orList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
}

/** The language's own name ("Français"), from its catalogue. */
export function languageOwnName(locale: Locale): string {
  return catalogue(locale)['language.name'];
}

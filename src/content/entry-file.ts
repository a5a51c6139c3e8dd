/**
 * The file format of an entry: `content/groups/<slug>.md`, written the way Decap CMS writes a
 * folder collection with `i18n: { structure: single_file }`: the front matter holds one block per
 * locale; the default locale's block carries every field, the others only the translated ones;
 * the purpose is each block's `body` field (Decap's name for a Markdown body).
 *
 *   ---
 *   en:
 *     slug: cgt-spain
 *     name: Confederación General del Trabajo
 *     summary: …
 *     body: …
 *   es:
 *     summary: …
 *   ---
 *
 * These two functions are the only place that knows that layout.
 */
import { CONTENT_LOCALES, DEFAULT_LOCALE, type ContentLocale } from '../schema/locales.ts';
import { type Entry, TRANSLATABLE_FIELDS } from '../schema/entry.ts';
import { stringifyFrontMatter } from './front-matter.ts';

/** In the file, `purpose` is stored under Decap's body field name. */
export const FILE_KEY: Record<(typeof TRANSLATABLE_FIELDS)[number], string> = { summary: 'summary', purpose: 'body' };

/**
 * `code` names the problems a draft from the CMS can have, so the CMS can say them in the editor's
 * language (src/cms/check-entry.ts); the others concern a file's shape, which only a hand-edited
 * file can get wrong, and the build reports them in English.
 */
type Problem = { path: (string | number)[]; message: string; code?: 'not_translated' | 'not_text' };

export interface DecodedEntry {
  /** The logical entry, not yet validated: the schema checks it next. */
  value: Record<string, unknown>;
  problems: Problem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Front matter (as parsed YAML) → the logical entry shape that `entrySchema` validates. */
export function decodeEntryFile(frontMatter: unknown, body: string): DecodedEntry {
  const problems: Problem[] = [];
  if (!isRecord(frontMatter)) {
    return { value: {}, problems: [{ path: [], message: `the front matter must be a map with a "${DEFAULT_LOCALE}" block` }] };
  }
  for (const key of Object.keys(frontMatter)) {
    if (!(CONTENT_LOCALES as readonly string[]).includes(key)) {
      problems.push({ path: [key], message: `unknown top-level key; expected one block per language (${CONTENT_LOCALES.join(', ')})` });
    }
  }
  const main = frontMatter[DEFAULT_LOCALE];
  if (!isRecord(main)) {
    problems.push({ path: [DEFAULT_LOCALE], message: `the "${DEFAULT_LOCALE}" block with the entry's fields is missing` });
    return { value: {}, problems };
  }
  const value: Record<string, unknown> = {};
  const translatedKeys = new Set(Object.values(FILE_KEY));
  for (const [key, field] of Object.entries(main)) {
    if (translatedKeys.has(key)) continue;
    if (field === null || field === '' || (Array.isArray(field) && field.length === 0)) continue; // Decap writes empty optional fields
    value[key] = field;
  }
  for (const field of TRANSLATABLE_FIELDS) {
    const texts: Partial<Record<ContentLocale, string>> = {};
    for (const locale of CONTENT_LOCALES) {
      const block = frontMatter[locale];
      if (block === undefined || block === null) continue;
      if (!isRecord(block)) {
        if (field === 'summary') problems.push({ path: [locale], message: 'must be a block of translated fields' });
        continue;
      }
      if (locale !== DEFAULT_LOCALE && field === 'summary') {
        for (const key of Object.keys(block)) {
          if (!translatedKeys.has(key)) {
            problems.push({
              path: [locale, key],
              message: `only ${[...translatedKeys].join(' and ')} are translated; give "${key}" in the ${DEFAULT_LOCALE} block`,
              code: 'not_translated',
            });
          }
        }
      }
      const text = block[FILE_KEY[field]];
      if (text === undefined || text === null || text === '') continue;
      if (typeof text !== 'string') {
        problems.push({ path: [locale, FILE_KEY[field]], message: 'must be text', code: 'not_text' });
        continue;
      }
      texts[locale] = field === 'purpose' ? text.trim() : text;
    }
    if (field === 'purpose' && body.trim() !== '' && texts[DEFAULT_LOCALE] === undefined) {
      texts[DEFAULT_LOCALE] = body.trim(); // a hand-written file may put the purpose in the Markdown body
    }
    if (Object.keys(texts).length > 0 || field === 'summary') value[field] = texts;
  }
  return { value, problems };
}

export const FIELD_ORDER: (keyof Entry)[] = [
  'slug',
  'name',
  'short_name',
  'alternate_names',
  'summary',
  'geographic_scope',
  'countries',
  'city',
  'subjects',
  'sectors',
  'languages',
  'structure',
  'network_relation',
  'relation_note',
  'website',
  'email',
  'social',
  'founded',
  'sources',
  'created',
  'updated',
  'purpose',
];

/**
 * Where a logical field lives in the file: its block (a locale) and its key there. A translatable
 * field names the locale of its text; every other field lives in the default locale's block.
 */
export function fileLocation(field: keyof Entry, locale?: ContentLocale): { block: ContentLocale; key: string } {
  if (field === 'summary' || field === 'purpose') return { block: locale ?? DEFAULT_LOCALE, key: FILE_KEY[field] };
  return { block: DEFAULT_LOCALE, key: field };
}

/** The order of keys in a block as the encoder writes them (default block: FIELD_ORDER; others: the translated keys). */
export function keyOrder(block: ContentLocale): string[] {
  const keys = FIELD_ORDER.map((f) => (f === 'summary' || f === 'purpose' ? FILE_KEY[f] : f));
  return block === DEFAULT_LOCALE ? keys : keys.filter((k) => Object.values(FILE_KEY).includes(k));
}

/** The logical entry → the file text, through the YAML serialiser. */
export function encodeEntryFile(entry: Entry): string {
  const blocks: Record<string, Record<string, unknown>> = {};
  const main: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const field = entry[key];
    if (field === undefined) continue;
    if (key === 'summary' || key === 'purpose') {
      const texts = field as Partial<Record<ContentLocale, string>>;
      const text = texts[DEFAULT_LOCALE];
      if (text !== undefined) main[FILE_KEY[key]] = text;
      continue;
    }
    main[key] = field;
  }
  blocks[DEFAULT_LOCALE] = main;
  for (const locale of CONTENT_LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const block: Record<string, unknown> = {};
    for (const field of TRANSLATABLE_FIELDS) {
      const text = (entry[field] as Partial<Record<ContentLocale, string>> | undefined)?.[locale];
      if (text !== undefined) block[FILE_KEY[field]] = text;
    }
    if (Object.keys(block).length > 0) blocks[locale] = block;
  }
  return stringifyFrontMatter(blocks);
}

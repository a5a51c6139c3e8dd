/**
 * How the CMS must name the translatable fields so that what it saves is what
 * `src/content/entry-file.ts` reads. That module is the only place that knows the layout, so
 * instead of copying its private key table we ask it: encode an entry with a marker in each
 * translatable field and see under which key of the default locale's block the marker lands.
 */
import { encodeEntryFile } from '../content/entry-file.ts';
import { parseFrontMatter } from '../content/front-matter.ts';
import { TRANSLATABLE_FIELDS, type Entry } from '../schema/entry.ts';
import { DEFAULT_LOCALE } from '../schema/locales.ts';

export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

/** `summary` → `summary`, `purpose` → `body` (Decap's name for a Markdown body), as the file format says. */
export function translatedFileKeys(): Record<TranslatableField, string> {
  const marker = (field: string) => `probe:${field}`;
  const probe = {
    slug: 'probe',
    name: 'Probe',
    network_relation: 'none',
    created: '2000-01-01',
    updated: '2000-01-01',
    ...Object.fromEntries(TRANSLATABLE_FIELDS.map((f) => [f, { [DEFAULT_LOCALE]: marker(f) }])),
  } as unknown as Entry;
  const { data } = parseFrontMatter(encodeEntryFile(probe));
  const block = (data as Record<string, Record<string, unknown>>)[DEFAULT_LOCALE] ?? {};
  const keys = {} as Record<TranslatableField, string>;
  for (const field of TRANSLATABLE_FIELDS) {
    const key = Object.keys(block).find((k) => block[k] === marker(field));
    if (!key) throw new Error(`entry-file.ts does not write "${field}" into the ${DEFAULT_LOCALE} block; the CMS cannot follow its layout`);
    keys[field] = key;
  }
  return keys;
}

/**
 * The check the CMS runs before it saves or publishes an entry: the same decoding and the same
 * schema as the content build (src/content/entry-file.ts, src/schema), so an entry the CMS lets
 * through is one `npm run build:content` accepts, and a refusal carries the build's own message.
 * Pure; admin/cms.ts binds it to Decap's preSave and prePublish events.
 */
import type { z } from 'zod';
import { decodeEntryFile } from '../content/entry-file.ts';
import { formatPath } from '../content/validate-content.ts';
import { languageName } from '../schema/codes.ts';
import { entryFields, entrySchema } from '../schema/entry.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, isContentLocale } from '../schema/locales.ts';
import { TAXONOMIES, taxonomyTermSchema } from '../schema/taxonomy.ts';
import { labelsOf } from './zod-fields.ts';

type Data = Record<string, unknown>;

export interface EntryDraft {
  /** Decap collection name: groups, subjects or sectors. */
  collection: string;
  /** The slug of the file being edited; undefined for a new entry. */
  slug?: string;
  newRecord: boolean;
  /** The default locale's fields. */
  data: Data;
  /** Other locales' fields, as Decap keeps them: `{ fr: { data: { summary } } }`. */
  i18n?: Record<string, { data?: Data } | undefined>;
}

export interface EntryCheck {
  /** `data` without the empty values a form leaves behind (cleared fields, blank list items). */
  data: Data;
  /** One readable line per problem; empty when the entry can be saved. */
  problems: string[];
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Drops '', null, empty lists and empty objects at any depth, so a cleared field is simply absent. */
export function withoutEmptyValues<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmptyValues).filter((v) => !isEmpty(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Data = {};
    for (const [key, v] of Object.entries(value)) {
      const cleaned = withoutEmptyValues(v);
      if (!isEmpty(cleaned)) out[key] = cleaned;
    }
    return out as T;
  }
  return value;
}

/**
 * Where `withoutEmptyValues` would remove something, as paths to delete one after the other
 * (list positions from the last, so earlier ones stay valid). Lets the CMS clean its own
 * (Immutable) copy of the entry with `deleteIn` without converting it.
 */
export function emptyValuePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (child: unknown, at: (string | number)[]) => {
    if (isEmpty(withoutEmptyValues(child))) out.push(at);
    else out.push(...emptyValuePaths(child, at));
  };
  if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) visit(value[i], [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  return out;
}

function fieldLabel(collection: string, key: string): string {
  if (isContentLocale(key)) return `${languageName(key, DEFAULT_LOCALE)} block`; // a language block of the file
  const fields: Record<string, z.ZodType> = collection === 'groups' ? entryFields : taxonomyTermSchema.shape;
  const schema = fields[key] ?? (key === 'body' ? entryFields.purpose : undefined);
  return (schema && labelsOf(schema).title) ?? key;
}

function describe(collection: string, path: readonly PropertyKey[], message: string): string {
  const [head, ...rest] = path;
  if (head === undefined) return message;
  const label = fieldLabel(collection, String(head));
  return rest.length > 0 ? `${label} (${formatPath(path)}): ${message}` : `${label}: ${message}`;
}

function issues(collection: string, error: z.ZodError): string[] {
  return error.issues.map((i) => describe(collection, i.path, i.message));
}

/** The draft as the content build would read it back from the file it becomes (not yet validated). */
export function decodeDraft(draft: Pick<EntryDraft, 'data' | 'i18n'>): ReturnType<typeof decodeEntryFile> {
  const frontMatter: Data = { [DEFAULT_LOCALE]: withoutEmptyValues(draft.data) };
  for (const locale of CONTENT_LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const texts = withoutEmptyValues(draft.i18n?.[locale]?.data ?? {});
    if (!isEmpty(texts)) frontMatter[locale] = texts;
  }
  return decodeEntryFile(frontMatter, '');
}

export function checkEntry(draft: EntryDraft): EntryCheck {
  const data = withoutEmptyValues(draft.data);
  const problems: string[] = [];
  // The build requires the slug to be the file name. Decap names the file once, when the entry is
  // first saved, and adds "-1" when the name is taken; either way the two must agree from then on.
  if (!draft.newRecord && draft.slug !== undefined && data.slug !== draft.slug) {
    problems.push(
      `${fieldLabel(draft.collection, 'slug')}: must be “${draft.slug}”, the name this entry was saved under. ` +
        `A slug cannot be changed once saved; if “${String(data.slug)}” was taken by another entry, delete this one and create it again with a free slug.`,
    );
  }
  if (draft.collection === 'groups') {
    const decoded = decodeDraft(draft);
    problems.push(...decoded.problems.map((p) => describe(draft.collection, p.path, p.message)));
    const parsed = entrySchema.safeParse(decoded.value);
    if (!parsed.success) problems.push(...issues(draft.collection, parsed.error));
  } else if ((TAXONOMIES as readonly string[]).includes(draft.collection)) {
    const parsed = taxonomyTermSchema.safeParse(data);
    if (!parsed.success) problems.push(...issues(draft.collection, parsed.error));
  }
  return { data, problems };
}

/**
 * The check the CMS runs before it saves or publishes an entry: the same decoding and the same
 * schema as the content build (src/content/entry-file.ts, src/schema), so an entry the CMS lets
 * through is one `npm run build:content` accepts. A refusal says each problem by its code
 * (src/i18n/problems.ts), in the editor's language, after the field's label as the CMS shows it.
 * Pure: the caller passes the language; admin/cms.ts binds it to Decap's preSave and prePublish events.
 */
import type { z } from 'zod';
import { decodeEntryFile, FILE_KEY } from '../content/entry-file.ts';
import { formatPath } from '../content/validate-content.ts';
import { DEFAULT_LOCALE as DEFAULT_UI_LOCALE, optional, t, type Locale } from '../i18n/index.ts';
import { problemOf, problemText, type Problem } from '../i18n/problems.ts';
import { languageName } from '../schema/codes.ts';
import { entrySchema } from '../schema/entry.ts';
import { CONTENT_LOCALES, DEFAULT_LOCALE, isContentLocale } from '../schema/locales.ts';
import { TAXONOMIES, taxonomyTermSchema } from '../schema/taxonomy.ts';

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

/** A field's label as the CMS shows it in this language (src/cms/localise-config.ts: `cms.field.*`, `cms.term.*`). */
function fieldLabel(locale: Locale, collection: string, key: string): string {
  if (isContentLocale(key)) return t(locale, 'cms.check.languageBlock', { language: languageName(key, locale) }); // a language block of the file
  const name = key === FILE_KEY.purpose ? 'purpose' : key;
  return optional(locale, `cms.${collection === 'groups' ? 'field' : 'term'}.${name}.label`) ?? key;
}

function describe(locale: Locale, collection: string, path: readonly PropertyKey[], message: string): string {
  const [head, ...rest] = path;
  if (head === undefined) return message;
  const label = fieldLabel(locale, collection, String(head));
  return rest.length > 0 ? `${label} (${formatPath(path)}): ${message}` : `${label}: ${message}`;
}

/** One line per problem; an unknown key (a strict object's) is one problem per key, as the build says it. */
function issues(locale: Locale, collection: string, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const field = String(issue.path.at(-1) ?? '');
    if (issue.code === 'unrecognized_keys') {
      const unknown: Problem = { code: 'unknown_field' };
      return issue.keys.map((key) => describe(locale, collection, [...issue.path, key], problemText(locale, unknown, key)));
    }
    return [describe(locale, collection, issue.path, problemText(locale, problemOf(issue), field))];
  });
}

/**
 * A problem of the file's layout, in the editor's language. A draft only ever has the two with a
 * code (decodeDraft builds the rest of the layout itself); any other keeps the build's words.
 */
function decodingProblem(locale: Locale, problem: ReturnType<typeof decodeEntryFile>['problems'][number]): string {
  if (problem.code === 'not_translated') return t(locale, 'cms.check.notTranslated', { language: languageName(DEFAULT_LOCALE, locale) });
  if (problem.code === 'not_text') return t(locale, 'problem.type.string');
  return problem.message;
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

/** `locale`: the editor's language, for the problems' wording (the check itself is the same in every language). */
export function checkEntry(draft: EntryDraft, locale: Locale = DEFAULT_UI_LOCALE): EntryCheck {
  const data = withoutEmptyValues(draft.data);
  const problems: string[] = [];
  // The build requires the slug to be the file name. Decap names the file once, when the entry is
  // first saved, and adds "-1" when the name is taken; either way the two must agree from then on.
  if (!draft.newRecord && draft.slug !== undefined && data.slug !== draft.slug) {
    problems.push(`${fieldLabel(locale, draft.collection, 'slug')}: ${t(locale, 'cms.check.slugFixed', { slug: draft.slug, given: String(data.slug) })}`);
  }
  if (draft.collection === 'groups') {
    const decoded = decodeDraft(draft);
    problems.push(...decoded.problems.map((p) => describe(locale, draft.collection, p.path, decodingProblem(locale, p))));
    const parsed = entrySchema.safeParse(decoded.value);
    if (!parsed.success) problems.push(...issues(locale, draft.collection, parsed.error));
  } else if ((TAXONOMIES as readonly string[]).includes(draft.collection)) {
    const parsed = taxonomyTermSchema.safeParse(data);
    if (!parsed.success) problems.push(...issues(locale, draft.collection, parsed.error));
  }
  return { data, problems };
}

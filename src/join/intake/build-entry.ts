/**
 * Application → the entry editors review, and the file that holds it. The slug is derived here,
 * on the server, from the group's names: no applicant input ever chooses a path. The file is
 * written by `encodeEntryFile`, the one writer of the content format (a YAML serialiser), and the
 * entry is validated against the entry schema before it goes anywhere.
 */
import { entryFilePath } from '../../schema/collections.ts';
import { encodeEntryFile } from '../../content/entry-file.ts';
import { fold, websiteDomain } from '../../text/normalise-text.ts';
import { entrySchema, SLUG_MAX, SLUG_PATTERN, type Entry } from '../../schema/entry.ts';
import type { JoinGroup } from '../../schema/join.ts';

/** Long enough to be recognisable, short enough to leave room for a suffix. */
const SLUG_BASE_MAX = 60;
const FALLBACK_SLUG = 'group';

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' };

/** Any text → `[a-z0-9-]`, or '' when nothing of it is Latin letters or digits. */
export function slugify(text: string): string {
  const ascii = fold(text).replace(/[ßæœøđðłþıħ]/g, (c) => LETTERS[c]!);
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_BASE_MAX) slug = slug.slice(0, SLUG_BASE_MAX).replace(/-[^-]*$/, '') || slug.slice(0, SLUG_BASE_MAX);
  return slug.replace(/-+$/, '');
}

/**
 * The slug an application wishes for: from its short name (how groups are usually known: `cgt`,
 * `solidaires`), else its name, else its website's first label, else a neutral word. A name in a
 * non-Latin script yields no slug of its own; editors can rename it in the CMS.
 */
export function wishedSlug(group: Pick<JoinGroup, 'short_name' | 'name' | 'website'>): string {
  const domain = websiteDomain(group.website);
  for (const candidate of [group.short_name, group.name, domain?.split('.')[0]]) {
    const slug = candidate ? slugify(candidate) : '';
    if (slug.length >= 2 && SLUG_PATTERN.test(slug)) return slug;
  }
  return FALLBACK_SLUG;
}

/** `cgt`, `cgt-2`, `cgt-3`…: the n-th choice for a taken slug. */
export function suffixedSlug(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * The slug of an application whose wished slug another entry or application has: the wished one
 * with the first two groups of its reference (`cgt-7kq2-m9x4`). References are unique, so this
 * one is free whatever anyone else submitted: no crowd of same-named applications can leave one
 * without a slug (editors rename it in the CMS if they like).
 */
export function referenceSlug(wished: string, reference: string): string {
  const suffix = `-${reference.slice(0, 9).toLowerCase()}`;
  return `${wished.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The slugs a delivery tries, in order: the wished one, then the application's own. */
export function slugCandidates(wished: string, reference: string): string[] {
  return [wished, referenceSlug(wished, reference)];
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The entry for an application. The relation to the network is left to the editors (`none`
 * until a source states more); the application itself is recorded as the entry's source.
 */
export function buildEntry(group: JoinGroup, reference: string, receivedAt: Date, slug = wishedSlug(group)): Entry {
  const day = isoDay(receivedAt);
  return entrySchema.parse({
    ...group,
    slug,
    network_relation: 'none',
    sources: [{ title: `Join application ${reference}, received ${day}` }],
    created: day,
    updated: day,
  });
}

export function withSlug(entry: Entry, slug: string): Entry {
  return entrySchema.parse({ ...entry, slug });
}

/** The file of an entry: the only place a join delivery gets a path from, and only from a valid slug. */
export function entryFile(entry: Entry): { path: string; content: string } {
  if (!SLUG_PATTERN.test(entry.slug) || entry.slug.length > SLUG_MAX) throw new Error('refusing a path from an invalid slug');
  return { path: entryFilePath(entry.slug), content: encodeEntryFile(entry) };
}

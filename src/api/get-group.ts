/** `GET /api/v1/groups/{slug}`: the whole entry in the chosen language, with related groups. */
import type { ContentLocale } from '../schema/locales.ts';
import type { Directory } from '../engine/directory.ts';
import { detailItem, listItem } from '../engine/present.ts';
import { relatedDocs } from '../engine/related.ts';

export function getGroup(dir: Directory, slug: string, prefs: readonly ContentLocale[], baseUrl: string) {
  const doc = dir.findSlug(slug);
  if (doc < 0) return undefined;
  const entry = dir.entry(doc);
  const subjects = new Set(entry.subjects ?? []);
  const related = relatedDocs(dir, doc).map((other) => {
    const e = dir.entry(other);
    return {
      ...listItem(e, prefs, ['name', 'short_name', 'summary', 'lang', 'geographic_scope', 'countries', 'subjects', 'url'], baseUrl),
      shared_subjects: (e.subjects ?? []).filter((s) => subjects.has(s)),
    };
  });
  const data = detailItem(entry, prefs, baseUrl);
  return { data: { ...data, related }, meta: { version: dir.artefact.version, lang: (data.lang as ContentLocale | null) ?? prefs[0]! } };
}

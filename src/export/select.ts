/**
 * Which entries an export holds: the API's filters, run by the query engine, without paging.
 * The export query schemas are the groups query schema less what makes no sense for a whole
 * file, so a filtered export takes exactly the filters `/api/v1/groups` takes.
 */
import type { ArtefactEntry } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { runQuery } from '../engine/run-query.ts';
import type { Locale } from '../i18n/index.ts';
import type { ExportQuery, FeedQuery, GroupsQuery } from '../schema/query.ts';

export type Selection = { ok: true; entries: ArtefactEntry[] } | { ok: false; fields: Record<string, string> };

export function selectEntries(dir: Directory, query: ExportQuery | FeedQuery, locale: Locale = 'en'): Selection {
  const full: GroupsQuery = { ...query, page: 1, per_page: Math.max(1, dir.size) };
  const outcome = runQuery(dir, full, locale);
  if (!outcome.ok) return outcome;
  return { ok: true, entries: outcome.result.page.map((doc) => dir.entry(doc)) };
}

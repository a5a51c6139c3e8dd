/**
 * `GET /api/v1/groups` as a pure function: validated query + loaded directory → response body.
 */
import type { Locale } from '../i18n/index.ts';
import type { ContentLocale } from '../schema/locales.ts';
import type { GroupsQuery } from '../schema/query.ts';
import { paths } from '../schema/routes.ts';
import type { FacetName } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { listItem, presentFacet, type FacetBucket } from '../engine/present.ts';
import { runQuery } from '../engine/run-query.ts';
import { canonicalQuery } from '../engine/canonical-query.ts';

export interface ListGroupsBody {
  data: Record<string, unknown>[];
  meta: { total: number; page: number; per_page: number; total_pages: number; lang: ContentLocale; version: string };
  links: { self: string; first: string; prev: string | null; next: string | null; last: string };
  facets?: Partial<Record<FacetName, FacetBucket[]>>;
}

export type ListGroupsOutcome = { ok: true; body: ListGroupsBody } | { ok: false; fields: Record<string, string> };

/** Serialises one list item; the endpoint passes a caching one, everything else the plain one. */
/** Given one answer's languages, fields and origin, each of its items as the UTF-8 bytes of its JSON. */
export type ItemSerialiser = (prefs: readonly ContentLocale[], fields: GroupsQuery['fields'], baseUrl: string) => (doc: number) => Uint8Array;

const utf8 = new TextEncoder();
const OPEN = utf8.encode('{"data":[');
const COMMA = utf8.encode(',');
const CLOSE = utf8.encode('],');

export function listGroups(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string): ListGroupsOutcome {
  const outcome = listGroupsParts(dir, query, prefs, baseUrl);
  if (!outcome.ok) return outcome;
  const { page, rest } = outcome;
  return { ok: true, body: { data: page.map((doc) => listItem(dir.entry(doc), prefs, query.fields, baseUrl)), ...rest } };
}

/**
 * The same answer as JSON text, assembled from per-item JSON so that items can come from a cache:
 * serialising entries is most of the cost of a list request.
 */
export function listGroupsJson(
  dir: Directory,
  query: GroupsQuery,
  prefs: readonly ContentLocale[],
  baseUrl: string,
  item: ItemSerialiser,
  locale: Locale = 'en',
): { ok: true; text: string; links: ListGroupsBody['links'] } | { ok: false; fields: Record<string, string> } {
  const outcome = listGroupsBytes(dir, query, prefs, baseUrl, item, locale);
  return outcome.ok ? { ok: true, text: new TextDecoder().decode(outcome.body), links: outcome.links } : outcome;
}

/**
 * The same answer as the UTF-8 bytes it is sent as, assembled from each item's cached bytes: no
 * item is serialised or encoded twice, and the page is one copy of its parts, where joining the
 * items' text and encoding it were a sixth of a distinct query's time under load.
 */
export function listGroupsBytes(
  dir: Directory,
  query: GroupsQuery,
  prefs: readonly ContentLocale[],
  baseUrl: string,
  item: ItemSerialiser,
  locale: Locale = 'en',
): { ok: true; body: Uint8Array<ArrayBuffer>; links: ListGroupsBody['links'] } | { ok: false; fields: Record<string, string> } {
  const outcome = listGroupsParts(dir, query, prefs, baseUrl, locale);
  if (!outcome.ok) return outcome;
  const items = outcome.page.map(item(prefs, query.fields, baseUrl));
  const rest = utf8.encode(JSON.stringify(outcome.rest).slice(1));
  const parts: Uint8Array[] = [OPEN];
  items.forEach((bytes, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytes);
  });
  parts.push(CLOSE, rest);
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { ok: true, body, links: outcome.rest.links };
}

function listGroupsParts(dir: Directory, query: GroupsQuery, prefs: readonly ContentLocale[], baseUrl: string, locale: Locale = 'en') {
  const outcome = runQuery(dir, query, locale);
  if (!outcome.ok) return outcome;
  const { page, total, facets } = outcome.result;
  const totalPages = Math.max(1, Math.ceil(total / query.per_page));
  const link = (p: number) => {
    const qs = canonicalQuery(query, { page: p });
    return `${baseUrl}${paths.api(qs)}`;
  };
  const rest: Omit<ListGroupsBody, 'data'> = {
    meta: { total, page: query.page, per_page: query.per_page, total_pages: totalPages, lang: prefs[0]!, version: dir.artefact.version },
    links: {
      self: link(query.page),
      first: link(1),
      prev: query.page > 1 ? link(Math.min(query.page - 1, totalPages)) : null,
      next: query.page < totalPages ? link(query.page + 1) : null,
      last: link(totalPages),
    },
  };
  if (facets) {
    rest.facets = {};
    for (const [facet, counts] of Object.entries(facets) as [FacetName, Map<string, number>][]) {
      rest.facets[facet] = presentFacet(dir, facet, counts, (query[facet] as string[] | undefined) ?? [], prefs[0]!);
    }
  }
  return { ok: true as const, page, rest };
}

/**
 * A serialiser that keeps each entry's default-fields JSON per language and origin, up to `limit`
 * items in all and `variants` language-and-origin combinations (both come from the request, so
 * both are bounded). An answer looks its combination up once, then each item by its doc id: per
 * item, building and hashing a string key was a tenth of a distinct query's time under load.
 */
export function cachingItemSerialiser(dir: Directory, limit = 50_000, variants = 64): ItemSerialiser {
  const byVariant = new Map<string, Map<number, Uint8Array>>();
  let kept = 0;
  return (prefs, fields, baseUrl) => {
    if (fields) return (doc) => utf8.encode(JSON.stringify(listItem(dir.entry(doc), prefs, fields, baseUrl)));
    const key = `${prefs.join(',')}|${baseUrl}`;
    let texts = byVariant.get(key);
    if (!texts) {
      texts = new Map();
      if (byVariant.size < variants) byVariant.set(key, texts);
    }
    const known = texts;
    return (doc) => {
      let text = known.get(doc);
      if (text === undefined) {
        text = utf8.encode(JSON.stringify(listItem(dir.entry(doc), prefs, undefined, baseUrl)));
        if (kept < limit) {
          known.set(doc, text);
          kept++;
        }
      }
      return text;
    };
  };
}

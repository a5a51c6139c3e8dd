/**
 * An Atom feed (RFC 4287) of the most recently added groups, newest first by `created`. Atom
 * rather than JSON Feed because the tools partner sites already run read it: WordPress's RSS
 * block, Drupal's aggregator, Thunderbird, every feed reader.
 */
import type { ArtefactEntry } from '../engine/artefact.ts';
import type { Directory } from '../engine/directory.ts';
import { pickText } from '../engine/pick-language.ts';
import { facetLabel } from '../engine/present.ts';
import { dataRights } from '../schema/license.ts';
import type { ContentLocale } from '../schema/locales.ts';
import { t } from '../i18n/index.ts';
import { paths, isSiteLocale, type SiteLocale } from '../site/paths.ts';

export const FEED_LIMIT = 50;

/** XML 1.0 text: markup characters escaped, characters XML forbids removed. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Newest first: created, then updated, then name. */
export function newestFirst(entries: readonly ArtefactEntry[]): ArtefactEntry[] {
  return [...entries].sort((a, b) => b.created.localeCompare(a.created) || b.updated.localeCompare(a.updated) || a.name.localeCompare(b.name));
}

const day = (date: string) => `${date}T00:00:00Z`;

export interface FeedOptions {
  baseUrl: string;
  /** The feed's own address, with its query: also its id. */
  selfUrl: string;
  /** The filters as a query string, for the HTML alternate. */
  filterQuery: string;
  prefs: readonly ContentLocale[];
  limit?: number;
}

export function atomFeed(dir: Directory, matching: readonly ArtefactEntry[], options: FeedOptions): string {
  const locale: SiteLocale = isSiteLocale(options.prefs[0]!) ? (options.prefs[0] as SiteLocale) : 'en';
  const items = newestFirst(matching).slice(0, options.limit ?? FEED_LIMIT);
  // ISO dates compare as strings (Math.max would turn them into NaN).
  const latest = items.reduce(
    (max, e) => (e.updated > max ? e.updated : max),
    items.reduce((max, e) => (e.created > max ? e.created : max), '1970-01-01'),
  );
  const entries = items.map((e) => {
    const page = `${options.baseUrl}${paths.entry(locale, e.slug)}`;
    const summary = pickText(e.summary, options.prefs);
    const title = e.short_name && e.short_name !== e.name ? `${e.name} (${e.short_name})` : e.name;
    const categories = (e.subjects ?? [])
      .map((s) => `    <category term="${xmlText(s)}" label="${xmlText(facetLabel(dir, 'subject', s, locale))}"/>\n`)
      .join('');
    return `  <entry>
    <id>${xmlText(`${options.baseUrl}${paths.entry('en', e.slug)}`)}</id>
    <title>${xmlText(title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(page)}"/>
    <published>${day(e.created)}</published>
    <updated>${day(e.updated)}</updated>
${summary ? `    <summary type="text" xml:lang="${summary.lang}">${xmlText(summary.text)}</summary>\n` : ''}${categories}  </entry>
`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <id>${xmlText(options.selfUrl)}</id>
  <title>${xmlText(`${t(locale, 'site.name')} — ${t(locale, 'footer.feed')}`)}</title>
  <subtitle>${xmlText(t(locale, 'site.tagline'))}</subtitle>
  <rights>${xmlText(dataRights())}</rights>
  <updated>${day(latest)}</updated>
  <author><name>${xmlText(t(locale, 'site.name'))}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(options.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${options.baseUrl}${paths.listing(locale, options.filterQuery)}`)}"/>
${entries.join('')}</feed>
`;
}

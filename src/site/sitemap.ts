/**
 * sitemap.xml and robots.txt. Every indexable page in every language, each with its alternates
 * (hreflang, x-default: English), as Google documents for multilingual sites:
 * https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap
 * https://www.sitemaps.org/protocol.html
 */
import type { Directory } from '../engine/directory.ts';
import { escapeHtml as xmlText } from '../text/escape-html.ts'; // &amp; &lt; &gt; &quot; &#39; are XML's too
import { DEFAULT_LOCALE } from '../i18n/index.ts';
import { paths, SITE_LOCALES, type SiteLocale } from './paths.ts';

interface PageSet {
  path: (locale: SiteLocale) => string;
  lastmod?: string;
}

function urlBlock(baseUrl: string, set: PageSet, locale: SiteLocale): string {
  const links = [
    ...SITE_LOCALES.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${xmlText(baseUrl + set.path(l))}"/>`),
    `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlText(baseUrl + set.path(DEFAULT_LOCALE))}"/>`,
  ];
  return `  <url>\n    <loc>${xmlText(baseUrl + set.path(locale))}</loc>\n${set.lastmod ? `    <lastmod>${set.lastmod}</lastmod>\n` : ''}${links.join('\n')}\n  </url>\n`;
}

export function sitemapXml(dir: Directory, baseUrl: string): string {
  const latest = dir.artefact.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '1970-01-01');
  const sets: PageSet[] = [
    { path: paths.home, lastmod: latest },
    ...dir.artefact.entries.map((e) => ({ path: (l: SiteLocale) => paths.entry(l, e.slug), lastmod: e.updated })),
    { path: paths.widgetExample },
  ];
  const urls = sets.flatMap((set) => SITE_LOCALES.map((l) => urlBlock(baseUrl, set, l)));
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('')}</urlset>
`;
}

/**
 * Crawl the pages, not the machinery: the API and exports (their data is on the pages), the join
 * form's answers, the editors' area. Filtered listings say `noindex` themselves.
 */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *
Disallow: /api/
Disallow: /admin/
Disallow: /language
${SITE_LOCALES.map((l) => `Disallow: ${paths.joinThanks(l)}`).join('\n')}

Sitemap: ${baseUrl}/sitemap.xml
`;
}

/** The page shell every public page shares: head, skip link, header, language switch, footer. */
import { html, type Html } from '../text/html.ts';
import { MESSAGES } from './i18n.ts';
import { SITE_LOCALES, type SiteLocale } from '../schema/locales.ts';
import { paths } from '../schema/routes.ts';

export interface PageShell {
  locale: SiteLocale;
  title: string;
  description: string;
  /** Absolute site address for canonical and alternate links, without trailing slash. */
  baseUrl: string;
  /** Site path of this page, without query (for canonical). */
  path: string;
  /** The same page in every site language. */
  alternates: Record<SiteLocale, string>;
  /** The page in another language keeps its query: `?country=FR` on `/groups` stays on `/fr/groups`. */
  alternateQuery?: string;
  main: Html;
  head?: Html;
  /** False for pages that should not be indexed (filtered listings, errors). */
  indexable?: boolean;
}

export function layout(page: PageShell): Html {
  const m = MESSAGES[page.locale];
  const q = page.alternateQuery ? `?${page.alternateQuery}` : '';
  const others = SITE_LOCALES.filter((l) => l !== page.locale);
  return html`<!doctype html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.indexable === false ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${page.baseUrl}${page.path}">`}
${SITE_LOCALES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${page.baseUrl}${page.alternates[l]}">\n`)}<link rel="alternate" type="application/atom+xml" title="${m.feed}" href="${paths.feed()}">
<link rel="stylesheet" href="/assets/site.css">
${page.head}
</head>
<body>
<a class="skip-link" href="#main">${m.skipToContent}</a>
<header class="site-header">
  <div class="container site-header-inner">
    <p class="site-name"><a href="${paths.home(page.locale)}">${m.siteName}</a></p>
    <nav class="site-nav" aria-label="${m.mainNav}">
      <ul>
        <li><a href="${paths.home(page.locale)}">${m.navDirectory}</a></li>
        <li><a href="${paths.join(page.locale)}">${m.navJoin}</a></li>
        <li><a href="${paths.widgetExample()}">${m.navWidget}</a></li>
      </ul>
    </nav>
    <nav class="language-switch" aria-label="${m.otherLanguages}">
      <ul>
        ${others.map((l) => html`<li><a href="${page.alternates[l]}${q}" hreflang="${l}" lang="${MESSAGES[l].htmlLang}">${MESSAGES[l].languageName}</a></li>`)}
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="container" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
  <div class="container">
    <p>${m.footerNote} <a href="${paths.join(page.locale)}">${m.missingGroup} ${m.joinCall}</a></p>
    <p>${m.openData}:
      <a href="${paths.csv()}">CSV</a> ·
      <a href="${paths.ndjson()}">NDJSON</a> ·
      <a href="${paths.api()}">JSON API</a> ·
      <a href="${paths.feed()}">${m.feed}</a>
    </p>
  </div>
</footer>
</body>
</html>
`;
}

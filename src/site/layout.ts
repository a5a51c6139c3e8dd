/**
 * The page shell every public page shares: head (canonical, hreflang alternates with x-default,
 * Open Graph, the feed in the page's language), skip link, header, language switch, footer.
 */
import { DEFAULT_LOCALE, languageOwnName, t } from '../i18n/index.ts';
import { html, type Html } from '../text/html.ts';
import { paths, SITE_LOCALES, type SiteLocale } from './paths.ts';

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
  /** The Atom feed's filters, when the page shows a filtered list. */
  feedQuery?: string;
}

/**
 * Open Graph wants `language_TERRITORY` (https://ogp.me/#optional); the likeliest territory for a
 * language comes from CLDR's likely subtags (`Intl.Locale#maximize`): en_US, fr_FR, pt_BR, …
 */
export function ogLocale(locale: SiteLocale): string {
  const max = new Intl.Locale(locale).maximize();
  return max.region ? `${max.language}_${max.region}` : max.language;
}

export function layout(page: PageShell): Html {
  const l = page.locale;
  const q = page.alternateQuery ? `?${page.alternateQuery}` : '';
  const others = SITE_LOCALES.filter((o) => o !== l);
  const feed = paths.feed(new URLSearchParams([...new URLSearchParams(page.feedQuery ?? ''), ['lang', l]]).toString());
  const absolute = (path: string) => `${page.baseUrl}${path}`;
  return html`<!doctype html>
<html lang="${l}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.indexable === false ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${absolute(page.path)}">`}
${SITE_LOCALES.map((o) => html`<link rel="alternate" hreflang="${o}" href="${absolute(page.alternates[o])}${q}">\n`)}<link rel="alternate" hreflang="x-default" href="${absolute(page.alternates[DEFAULT_LOCALE])}${q}">
<link rel="alternate" type="application/atom+xml" title="${page.feedQuery ? t(l, 'listing.feedTitle') : t(l, 'footer.feed')}" href="${feed}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${t(l, 'site.name')}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${absolute(page.path)}${q}">
<meta property="og:locale" content="${ogLocale(l)}">
${others.map((o) => html`<meta property="og:locale:alternate" content="${ogLocale(o)}">\n`)}<link rel="stylesheet" href="/assets/site.css">
${page.head}
</head>
<body>
<a class="skip-link" href="#main">${t(l, 'nav.skipToContent')}</a>
<header class="site-header">
  <div class="container site-header-inner">
    <p class="site-name"><a href="${paths.home(l)}">${t(l, 'site.name')}</a></p>
    <nav class="site-nav" aria-label="${t(l, 'nav.main')}">
      <ul>
        <li><a href="${paths.home(l)}">${t(l, 'nav.directory')}</a></li>
        <li><a href="${paths.join(l)}">${t(l, 'nav.join')}</a></li>
        <li><a href="${paths.widgetExample(l)}">${t(l, 'nav.widget')}</a></li>
      </ul>
    </nav>
    ${languageSwitch(l, (o) => `${page.alternates[o]}${q}`)}
  </div>
</header>
<main id="main" class="container" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
  <div class="container">
    <p>${t(l, 'footer.note')} <a href="${paths.join(l)}">${t(l, 'footer.missingGroup')} ${t(l, 'footer.joinCall')}</a></p>
    <p>${t(l, 'footer.openData')}:
      <a href="${paths.csv()}">CSV</a> ·
      <a href="${paths.ndjson()}">NDJSON</a> ·
      <a href="${paths.api(`lang=${l}`)}">${t(l, 'footer.jsonApi')}</a> ·
      <a href="${feed}">${t(l, 'footer.feed')}</a>
    </p>
  </div>
</footer>
</body>
</html>
`;
}

/**
 * Links to this page in every other language, through /language, which remembers the choice so
 * that `/` never sends the visitor back to the language they left (language-endpoint.ts).
 */
export function languageSwitch(locale: SiteLocale, target: (other: SiteLocale) => string): Html {
  return html`<nav class="language-switch" aria-label="${t(locale, 'nav.languages')}">
      <ul>
        ${SITE_LOCALES.filter((o) => o !== locale).map((o) => html`<li><a href="${paths.languageSwitch(o, target(o))}" hreflang="${o}" lang="${o}">${languageOwnName(o)}</a></li>`)}
      </ul>
    </nav>`;
}

/**
 * The 404 pages. Netlify serves `/404.html` for an unknown address, and `/<lang>/404.html` for one
 * under a language's prefix (the rules are written into dist/_redirects by the site build). The
 * root one speaks every language, the visitor's language unknown; the others speak theirs.
 */
import { DEFAULT_LOCALE, t } from '../i18n/index.ts';
import { html } from '../text/html.ts';
import { layout } from './layout.ts';
import { paths, prefix, SITE_LOCALES, type SiteLocale } from './paths.ts';

export const notFoundPath = (locale: SiteLocale) => `${prefix(locale)}/404.html`;

export function renderNotFoundPage(baseUrl: string, locale?: SiteLocale): string {
  const main = locale ?? DEFAULT_LOCALE;
  const shown = locale ? [locale] : SITE_LOCALES;
  return layout({
    locale: main,
    title: `${t(main, 'notFound.title')} — ${t(main, 'site.name')}`,
    description: t(main, 'notFound.text'),
    baseUrl,
    path: notFoundPath(main),
    alternates: Object.fromEntries(SITE_LOCALES.map((l) => [l, paths.home(l)])) as Record<SiteLocale, string>,
    indexable: false,
    main: html`${shown.map((l, i) => {
      const heading = i === 0 ? html`<h1>${t(l, 'notFound.title')}</h1>` : html`<h2>${t(l, 'notFound.title')}</h2>`;
      return html`<section${l !== main ? html` lang="${l}"` : ''}>${heading}<p>${t(l, 'notFound.text')}</p><p><a href="${paths.home(l)}">${t(l, 'entry.back')}</a></p></section>`;
    })}`,
  }).value;
}

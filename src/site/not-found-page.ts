/** The 404 page Netlify serves for any address nothing else answers: both languages at once. */
import { html } from '../text/html.ts';
import { MESSAGES } from './i18n.ts';
import { SITE_LOCALES } from '../schema/locales.ts';
import { paths } from '../schema/routes.ts';
import { layout } from './layout.ts';

export function renderNotFoundPage(baseUrl: string): string {
  const en = MESSAGES.en;
  return layout({
    locale: 'en',
    title: `${en.notFoundTitle} — ${en.siteName}`,
    description: en.notFoundText,
    baseUrl,
    path: '/404.html',
    alternates: Object.fromEntries(SITE_LOCALES.map((l) => [l, paths.home(l)])) as Record<(typeof SITE_LOCALES)[number], string>,
    indexable: false,
    main: html`${SITE_LOCALES.map((l, i) => {
      const m = MESSAGES[l];
      const heading = i === 0 ? html`<h1>${m.notFoundTitle}</h1>` : html`<h2>${m.notFoundTitle}</h2>`;
      return html`<section${l !== 'en' ? html` lang="${m.htmlLang}"` : ''}>${heading}<p>${m.notFoundText}</p><p><a href="${paths.home(l)}">${m.backToDirectory}</a></p></section>`;
    })}`,
  }).value;
}

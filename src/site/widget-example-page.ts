/**
 * /widget-example.html: every attribute of <solidarity-directory> shown live, each example next
 * to the exact markup that produces it (the same string is rendered twice, so they cannot drift).
 */
import { FACETS } from '../engine/artefact.ts';
import { LOCALES, t, type Locale, type MessageId } from '../i18n/index.ts';
import { PER_PAGE_MAX } from '../schema/query.ts';
import { escapeText, html, raw } from '../text/html.ts';
import { layout } from './layout.ts';
import { paths, SITE_LOCALES, type SiteLocale } from './paths.ts';

interface Example {
  /** `embed.example.<id>.title` and `.note` in the catalogues. */
  id: 'smallest' | 'countrySubject' | 'several' | 'sector' | 'allSubjects' | 'language' | 'map' | 'fixed' | 'themed';
  markup: (locale: Locale) => string;
}

export const WIDGET_EXAMPLES: Example[] = [
  { id: 'smallest', markup: () => '<solidarity-directory></solidarity-directory>' },
  { id: 'countrySubject', markup: () => '<solidarity-directory country="FR" subject="international-solidarity" lang="fr"></solidarity-directory>' },
  {
    id: 'several',
    markup: (l) =>
      `<solidarity-directory country="IT,ES" relation="member,founding_member" sort="-updated" per-page="3" heading="${escapeText(t(l, 'embed.example.several.heading'))}" heading-level="4"></solidarity-directory>`,
  },
  { id: 'sector', markup: () => '<solidarity-directory sector="education" scope="regional,national"></solidarity-directory>' },
  {
    id: 'allSubjects',
    markup: () => '<solidarity-directory subject="labour-rights,international-solidarity" subject-mode="all" structure="confederation"></solidarity-directory>',
  },
  { id: 'language', markup: () => '<solidarity-directory language="fr,es,it,pt" per-page="5"></solidarity-directory>' },
  { id: 'map', markup: () => '<solidarity-directory map subject="labour-rights" per-page="5"></solidarity-directory>' },
  { id: 'fixed', markup: () => '<solidarity-directory q="cobas" no-search></solidarity-directory>' },
  {
    id: 'themed',
    markup: () =>
      '<solidarity-directory country="BR" style="--sd-background: #1b1b1f; --sd-color: #f4f4f4; --sd-muted: #c9c9d1; --sd-link: #9cc7ff; --sd-accent: #ffcc4d; --sd-accent-contrast: #1b1b1f; --sd-separator: #44444c; --sd-input-background: #2a2a30; --sd-border: #9a9aa5; --sd-focus: #ffcc4d; --sd-padding: 1rem; --sd-radius: 8px;"></solidarity-directory>',
  },
];

function attributes(l: Locale): [string, string][] {
  return [
    ...FACETS.map((f): [string, string] => [f, t(l, 'embed.attr.filter', { facet: t(l, `listing.facet.${f}`) })]),
    ['subject-mode', t(l, 'embed.attr.subjectMode')],
    ['q', t(l, 'embed.attr.q')],
    ['sort', t(l, 'embed.attr.sort')],
    ['per-page', t(l, 'embed.attr.perPage', { max: PER_PAGE_MAX })],
    ['lang', t(l, 'embed.attr.lang', { locales: LOCALES.join(', ') })],
    ['heading', t(l, 'embed.attr.heading', { name: t(l, 'widget.region') })],
    ['heading-level', t(l, 'embed.attr.headingLevel')],
    ['no-search', t(l, 'embed.attr.noSearch')],
    ['map', t(l, 'embed.attr.map')],
    ['api', t(l, 'embed.attr.api')],
  ];
}

const PROPERTIES: [string, string][] = [
  ['--sd-font-family', 'inherit'],
  ['--sd-font-size', '1rem'],
  ['--sd-color', '#1d1d1f'],
  ['--sd-muted', '#4d4d55'],
  ['--sd-background', 'transparent'],
  ['--sd-input-background', '#fff'],
  ['--sd-link', '#0b4f9c'],
  ['--sd-accent', '#a4161a'],
  ['--sd-accent-contrast', '#fff'],
  ['--sd-focus', '#1a5fd0'],
  ['--sd-error', '#9b1c1c'],
  ['--sd-border', '#8a8782'],
  ['--sd-border-width', '0'],
  ['--sd-separator', '#d6d3ce'],
  ['--sd-radius', '4px'],
  ['--sd-padding', '0'],
  ['--sd-gap', '0.75rem'],
];

export function renderWidgetExamplePage(baseUrl: string, locale: SiteLocale = 'en'): string {
  const l = locale;
  const snippet = `<script src="${baseUrl}/widget.js" defer></script>\n<solidarity-directory country="FR" subject="education" lang="fr"></solidarity-directory>`;
  const example = (id: Example['id'], part: 'title' | 'note') => t(l, `embed.example.${id}.${part}` as MessageId & `embed.example.${string}`);
  return layout({
    locale: l,
    title: `${t(l, 'embed.title')} — ${t(l, 'site.name')}`,
    description: t(l, 'embed.description'),
    baseUrl,
    path: paths.widgetExample(l),
    alternates: Object.fromEntries(SITE_LOCALES.map((o) => [o, paths.widgetExample(o)])) as Record<SiteLocale, string>,
    head: html`<script src="/widget.js" defer></script>`,
    main: html`<h1>${t(l, 'embed.title')}</h1>
<p class="lead">${t(l, 'embed.lead')}</p>
<pre><code translate="no">${snippet}</code></pre>
<p>${t(l, 'embed.live', { file: 'docs/embedding.md' })}</p>
<h2>${t(l, 'embed.attributes')}</h2>
<table class="attributes">
<thead><tr><th scope="col">${t(l, 'embed.attribute')}</th><th scope="col">${t(l, 'embed.meaning')}</th></tr></thead>
<tbody>${attributes(l).map(([name, meaning]) => html`<tr><th scope="row"><code translate="no">${name}</code></th><td>${meaning}</td></tr>`)}</tbody>
</table>
<h2>${t(l, 'embed.theming')}</h2>
<p>${t(l, 'embed.themingIntro')}</p>
<table class="attributes">
<thead><tr><th scope="col">${t(l, 'embed.property')}</th><th scope="col">${t(l, 'embed.default')}</th></tr></thead>
<tbody>${PROPERTIES.map(([name, value]) => html`<tr><th scope="row"><code translate="no">${name}</code></th><td><code translate="no">${value}</code></td></tr>`)}</tbody>
</table>
<h2>${t(l, 'embed.examples')}</h2>
${WIDGET_EXAMPLES.map(
  (ex, i) => html`<section class="example" aria-labelledby="example-${i}">
<h3 id="example-${i}">${example(ex.id, 'title')}</h3>
<p>${example(ex.id, 'note')}</p>
<pre><code translate="no">${ex.markup(l)}</code></pre>
${raw(ex.markup(l))}
</section>`,
)}`,
  }).value;
}

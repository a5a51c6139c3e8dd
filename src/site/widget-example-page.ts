/**
 * /widget-example.html: every attribute of <solidarity-directory> shown live, each example next
 * to the exact markup that produces it (the same string is rendered twice, so they cannot drift).
 */
import { FACETS } from '../engine/artefact.ts';
import { PER_PAGE_MAX } from '../schema/query.ts';
import { html, raw } from '../text/html.ts';
import { MESSAGES } from './i18n.ts';
import { SITE_LOCALES, type SiteLocale } from '../schema/locales.ts';
import { paths } from '../schema/routes.ts';
import { layout } from './layout.ts';

interface Example {
  title: string;
  note: string;
  markup: string;
}

export const WIDGET_EXAMPLES: Example[] = [
  { title: 'The smallest embed', note: 'Every group, in the language of the page around it.', markup: '<solidarity-directory></solidarity-directory>' },
  {
    title: 'One country and one subject, in French',
    note: 'Filter attributes take the API’s values: ISO country codes and subject slugs.',
    markup: '<solidarity-directory country="FR" subject="international-solidarity" lang="fr"></solidarity-directory>',
  },
  {
    title: 'Several values, a heading, sorted and paged',
    note: 'Comma-separated values match any of them. The heading level fits your page’s outline.',
    markup:
      '<solidarity-directory country="IT,ES" relation="member,founding_member" sort="-updated" per-page="3" heading="Our sister unions" heading-level="4"></solidarity-directory>',
  },
  {
    title: 'Sector and geographic scope',
    note: 'Sectors and scopes as listed by /api/v1/taxonomies.',
    markup: '<solidarity-directory sector="education" scope="regional,national"></solidarity-directory>',
  },
  {
    title: 'All chosen subjects, one kind of organisation',
    note: 'subject-mode="all" keeps groups that have every subject given.',
    markup: '<solidarity-directory subject="labour-rights,international-solidarity" subject-mode="all" structure="confederation"></solidarity-directory>',
  },
  {
    title: 'Working language',
    note: 'Groups that state they work in one of these languages (ISO 639-1). Few entries state it yet, so this list can be short or empty.',
    markup: '<solidarity-directory language="fr,es,it,pt" per-page="5"></solidarity-directory>',
  },
  {
    title: 'With a world map',
    note: 'map adds the map of the groups by country; choosing a country lists its groups. The map is a separate file (widget-map.js), loaded only by widgets that show one.',
    markup: '<solidarity-directory map subject="labour-rights" per-page="5"></solidarity-directory>',
  },
  {
    title: 'A fixed search without a search box',
    note: 'q sets the search; no-search hides the box.',
    markup: '<solidarity-directory q="cobas" no-search></solidarity-directory>',
  },
  {
    title: 'Themed with custom properties',
    note: 'Set --sd-* properties on the element or any ancestor.',
    markup:
      '<solidarity-directory country="BR" style="--sd-background: #1b1b1f; --sd-color: #f4f4f4; --sd-muted: #c9c9d1; --sd-link: #9cc7ff; --sd-accent: #ffcc4d; --sd-accent-contrast: #1b1b1f; --sd-separator: #44444c; --sd-input-background: #2a2a30; --sd-border: #9a9aa5; --sd-focus: #ffcc4d; --sd-padding: 1rem; --sd-radius: 8px;"></solidarity-directory>',
  },
];

const ATTRIBUTES: [string, string][] = [
  ...FACETS.map((f): [string, string] => [f, `${MESSAGES.en.facetLegend[f]}: one value or several separated by commas, as in /api/v1/groups.`]),
  ['subject-mode', '“any” (default) or “all” of the subjects given.'],
  ['q', 'A search to start with (names, summaries, subjects).'],
  ['sort', '“name”, “-name”, “updated”, “-updated” or “relevance”.'],
  ['per-page', `Groups per page, 1 to ${PER_PAGE_MAX} (default 10).`],
  ['lang', `Language of the widget and of the texts: ${SITE_LOCALES.join(', ')}. Default: the page’s own lang, else English.`],
  ['heading', 'A heading above the list; without it the widget is labelled “Solidarity Directory”.'],
  ['heading-level', '2 to 6 (default 2), to fit the page’s outline.'],
  ['no-search', 'Hide the search box.'],
  ['map', 'Show a world map of the groups by country above the list; choosing a country lists its groups.'],
  ['api', 'Address of the directory, if the script is served from somewhere else.'],
];

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

export function renderWidgetExamplePage(baseUrl: string): string {
  const locale: SiteLocale = 'en';
  const snippet = `<script src="${baseUrl}/widget.js" defer></script>\n<solidarity-directory country="FR" subject="education" lang="fr"></solidarity-directory>`;
  return layout({
    locale,
    title: `Embed the directory on your site — ${MESSAGES.en.siteName}`,
    description: 'One script tag and one element put a searchable list of unions on any website.',
    baseUrl,
    path: paths.widgetExample(),
    alternates: Object.fromEntries(SITE_LOCALES.map((l) => [l, paths.widgetExample()])) as Record<SiteLocale, string>,
    head: html`<script src="/widget.js" defer></script>`,
    main: html`<h1>Embed the directory on your site</h1>
<p class="lead">Paste these two lines where the list should appear. The list is searchable, works by keyboard and with screen readers, and keeps your site’s styles out of its way.</p>
<pre><code>${snippet}</code></pre>
<p>Groups link to their pages in the directory. The data comes live from the public API, so new groups appear without any change on your side. The full guide, with the open data formats, is <code>docs/embedding.md</code> in the project’s repository.</p>
<h2>Attributes</h2>
<table class="attributes">
<thead><tr><th scope="col">Attribute</th><th scope="col">Meaning</th></tr></thead>
<tbody>${ATTRIBUTES.map(([name, meaning]) => html`<tr><th scope="row"><code>${name}</code></th><td>${meaning}</td></tr>`)}</tbody>
</table>
<h2>Theming</h2>
<p>The widget draws inside a shadow root: your CSS does not reach it, except these custom properties (and inherited text properties).</p>
<table class="attributes">
<thead><tr><th scope="col">Property</th><th scope="col">Default</th></tr></thead>
<tbody>${PROPERTIES.map(([name, value]) => html`<tr><th scope="row"><code>${name}</code></th><td><code>${value}</code></td></tr>`)}</tbody>
</table>
<h2>Examples</h2>
${WIDGET_EXAMPLES.map(
  (ex, i) => html`<section class="example" aria-labelledby="example-${i}">
<h3 id="example-${i}">${ex.title}</h3>
<p>${ex.note}</p>
<pre><code>${ex.markup}</code></pre>
${raw(ex.markup)}
</section>`,
)}`,
  }).value;
}

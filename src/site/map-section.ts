/**
 * The listing's world map: countries shaded by how many groups the current view has in each,
 * every shaded country a plain link to the view filtered to it (no script needed), the figures
 * also as a table. The grey world underneath is one static image (`/assets/world-map.svg`,
 * written by scripts/build-site.ts and cached by browsers), so a page carries only the paths of
 * the countries that have groups: a filtered listing stays small and cheap to render.
 *
 * Accessibility: the SVG is a labelled group with a <title> and <desc>; each country link's name
 * says the country and its count (and is reachable by Tab, with a visible focus outline); the
 * grey layer is hidden from assistive technology; a skip link jumps past the map; the table
 * under it (in a <details>, open by default without CSS) repeats every figure.
 */
import { createMapModel, MAP_COLOURS, textOn, type MapCountry } from '../map/choropleth.ts';
import { WORLD } from '../map/world-shapes.ts';
import { html, type Html } from './html.ts';
import { MESSAGES, type SiteLocale } from './i18n.ts';

export const WORLD_MAP_ASSET = '/assets/world-map.svg';

const model = createMapModel(WORLD);

export interface MapSectionInput {
  locale: SiteLocale;
  /** Groups per country code in the current view (the country facet, counted without its own filter). */
  counts: Iterable<readonly [string, number]>;
  selected: readonly string[];
  /** The listing filtered to one country. */
  hrefFor: (code: string) => string;
  /** The country's name in the page's language. */
  nameOf: (code: string) => string;
}

function shape(c: MapCountry): Html {
  const fill = c.shade;
  const stroke = c.selected ? MAP_COLOURS.selected : MAP_COLOURS.outline;
  const width = c.selected ? 2 : 0.6;
  return c.d
    ? html`<path class="map-shape" d="${c.d}" fill="${fill}" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round"/>`
    : html`<circle class="map-shape" cx="${c.at![0]}" cy="${c.at![1]}" r="4" fill="${fill}" stroke="${stroke}" stroke-width="${width}"/>`;
}

function label(c: MapCountry): Html {
  if (!c.label) return html``;
  // A dot's label sits on the sea, a shape's on its own shade.
  const colour = c.d ? textOn(c.shade) : MAP_COLOURS.darkText;
  const halo = colour === MAP_COLOURS.darkText ? MAP_COLOURS.sea : MAP_COLOURS.outline;
  return html`<text class="map-count" x="${c.label[0]}" y="${c.label[1]}" fill="${colour}" stroke="${halo}" stroke-width="2.5" paint-order="stroke" text-anchor="${c.d ? 'middle' : 'start'}" dominant-baseline="central" font-size="13" font-weight="700" aria-hidden="true">${c.count}</text>`;
}

export function renderMapSection(input: MapSectionInput): Html {
  const m = MESSAGES[input.locale];
  const t = m.map;
  const view = model(input.counts, input.selected);
  const all = [...view.drawn.map((c) => ({ code: c.code, count: c.count, drawn: true })), ...view.undrawn.map((c) => ({ ...c, drawn: false }))];
  const collator = new Intl.Collator(input.locale);
  const rows = all.map((c) => ({ ...c, name: input.nameOf(c.code) })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const countText = (n: number) => m.resultCount(n);

  const links = view.drawn.map(
    (c) => html`<a href="${input.hrefFor(c.code)}" class="map-country" aria-label="${t.country(names.get(c.code)!, countText(c.count), c.selected)}"${c.selected ? html` aria-current="true"` : ''}><title>${t.country(names.get(c.code)!, countText(c.count), c.selected)}</title>${shape(c)}${label(c)}</a>`,
  );
  const legend = view.ranges.map(
    (r) => html`<li><svg class="map-swatch" width="16" height="16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="${r.shade}" stroke="${MAP_COLOURS.outline}" stroke-width="1"/></svg> ${r.min === r.max ? String(r.min) : `${r.min}–${r.max}`}</li>`,
  );

  return html`<section class="world-map" aria-labelledby="map-heading">
<h2 id="map-heading">${t.heading}</h2>
<p class="map-skip"><a href="#after-map">${t.skip}</a></p>
<figure class="map-figure">
<svg class="map" viewBox="0 0 ${view.width} ${view.height}" role="group" aria-labelledby="map-title" aria-describedby="map-desc">
<title id="map-title">${t.title}</title>
<desc id="map-desc">${rows.length === 0 ? t.noCountries : t.description(rows.length)}</desc>
<image href="${WORLD_MAP_ASSET}" x="0" y="0" width="${view.width}" height="${view.height}" aria-hidden="true"/>
${links}
</svg>
<figcaption class="map-legend"><span>${t.legend}:</span>
<ul>
<li><svg class="map-swatch" width="16" height="16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.outline}" stroke-width="1"/></svg> ${t.noGroup}</li>
${legend}
</ul>
<span class="map-credit">${t.credit}</span></figcaption>
</figure>
<details class="map-table">
<summary>${t.tableSummary}</summary>
<table>
<caption>${t.tableCaption}</caption>
<thead><tr><th scope="col">${t.tableCountry}</th><th scope="col">${t.tableGroups}</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row"><a href="${input.hrefFor(r.code)}">${r.name}</a>${r.drawn ? '' : html` <span class="field-hint">(${t.notDrawn})</span>`}</th><td>${r.count}</td></tr>\n`)}</tbody>
</table>
</details>
<span id="after-map" tabindex="-1"></span>
</section>`;
}

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
import { escapeText, html, raw, type Html } from '../text/html.ts';
import type { SiteLocale } from '../schema/locales.ts';
import { MESSAGES } from './i18n.ts';

export const WORLD_MAP_ASSET = '/assets/world-map.svg';

const model = createMapModel(WORLD);
const collators = new Map<SiteLocale, Intl.Collator>();
const collatorOf = (locale: SiteLocale) => collators.get(locale) ?? collators.set(locale, new Intl.Collator(locale)).get(locale)!;

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

/**
 * One country's link. Written as a plain template rather than html`` because a page may carry
 * ~250 of them: only the name and the address come from outside this module and are escaped;
 * everything else is a number, a colour constant or the build's own path data (digits, signs and
 * `M`, `l`, `z`, checked by test/site/map-model.test.ts), which escaping 80 KB of on every page
 * was most of the map's cost (bench/listing-map.ts).
 */
function countryLink(c: MapCountry, name: string, href: string): string {
  const stroke = c.selected ? MAP_COLOURS.selected : MAP_COLOURS.outline;
  const width = c.selected ? 2 : 0.6;
  const shape = c.d
    ? `<path class="map-shape" d="${c.d}" fill="${c.shade}" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round"/>`
    : `<circle class="map-shape" cx="${c.at![0]}" cy="${c.at![1]}" r="4" fill="${c.shade}" stroke="${stroke}" stroke-width="${width}"/>`;
  let label = '';
  if (c.label) {
    // A dot's label sits on the sea, a shape's on its own shade.
    const colour = c.d ? textOn(c.shade) : MAP_COLOURS.darkText;
    const halo = colour === MAP_COLOURS.darkText ? MAP_COLOURS.sea : MAP_COLOURS.outline;
    label = `<text class="map-count" x="${c.label[0]}" y="${c.label[1]}" fill="${colour}" stroke="${halo}" stroke-width="2.5" paint-order="stroke" text-anchor="${c.d ? 'middle' : 'start'}" dominant-baseline="central" font-size="13" font-weight="700" aria-hidden="true">${c.count}</text>`;
  }
  const text = escapeText(name);
  return `<a href="${escapeText(href)}" class="map-country" aria-label="${text}"${c.selected ? ' aria-current="true"' : ''}><title>${text}</title>${shape}${label}</a>\n`;
}

export function renderMapSection(input: MapSectionInput): Html {
  const m = MESSAGES[input.locale];
  const t = m.map;
  const view = model(input.counts, input.selected);
  const all = [...view.drawn.map((c) => ({ code: c.code, count: c.count, drawn: true })), ...view.undrawn.map((c) => ({ ...c, drawn: false }))];
  const collator = collatorOf(input.locale);
  const rows = all.map((c) => ({ ...c, name: input.nameOf(c.code) })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const hrefs = new Map(rows.map((r) => [r.code, input.hrefFor(r.code)])); // the map and the table share them
  const countText = (n: number) => m.resultCount(n);

  const links = raw(view.drawn.map((c) => countryLink(c, t.country(names.get(c.code)!, countText(c.count), c.selected), hrefs.get(c.code)!)).join(''));
  const legend = view.ranges.map(
    (r) =>
      html`<li><svg class="map-swatch" width="16" height="16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="${r.shade}" stroke="${MAP_COLOURS.outline}" stroke-width="1"/></svg> ${r.min === r.max ? String(r.min) : `${r.min}–${r.max}`}</li>`,
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
${raw(rows.map((r) => `<tr><th scope="row"><a href="${escapeText(hrefs.get(r.code)!)}">${escapeText(r.name)}</a>${r.drawn ? '' : ` <span class="field-hint">(${escapeText(t.notDrawn)})</span>`}</th><td>${r.count}</td></tr>\n`).join(''))}</tbody>
</table>
</details>
<span id="after-map" tabindex="-1"></span>
</section>`;
}

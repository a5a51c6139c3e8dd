/**
 * The entry page's "where" map: the entry's country, cut out of the same world map as the
 * listing's, with a dot where its city is. The city's coordinates come from the offline gazetteer
 * (src/geo/locate-city.ts) and are projected with the very projection the shapes were drawn in
 * (d3-geo's Equal Earth with the scale and translation src/map/world-shapes.ts records), so the
 * dot sits on the shapes. Site build only: `locateEntry` reads the gazetteer and d3-geo, which no
 * function ever bundles; `renderWhereMap` only lays out numbers.
 */
import { geoEqualEarth } from 'd3-geo';
import { locateCity } from '../geo/locate-city.ts';
import { MAP_COLOURS, SHADES } from '../map/choropleth.ts';
import { WORLD } from '../map/world-shapes.ts';
import { html, raw, type Html } from '../text/html.ts';
import type { SiteLocale } from '../schema/locales.ts';
import { MESSAGES } from './i18n.ts';
import { WORLD_MAP_ASSET } from './map-section.ts';

export interface EntryLocation {
  country: string;
  /** The city, projected into the world map's coordinates. */
  at: [number, number];
  /** The part of the world map to show: x, y, width, height. */
  view: [number, number, number, number];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where an entry's city is on the world map, or undefined when the gazetteer cannot tell. */
export function locateEntry(city: string | undefined, countries: readonly string[] | undefined): EntryLocation | undefined {
  if (!city) return undefined;
  const projection = geoEqualEarth().scale(WORLD.projection.scale).translate(WORLD.projection.translate);
  for (const country of countries ?? []) {
    const found = locateCity(city, country);
    if (!found) continue;
    const point = projection([found.lon, found.lat]);
    if (!point) continue;
    const at: [number, number] = [round(point[0]), round(point[1])];
    const shape = WORLD.countries.find((c) => c.code === country);
    // The country's main body (or a small square round the city), with the city inside, padded by a fifth.
    let [x0, y0, x1, y1] = shape ? shape.box : [at[0] - 10, at[1] - 10, at[0] + 10, at[1] + 10];
    [x0, y0, x1, y1] = [Math.min(x0, at[0]), Math.min(y0, at[1]), Math.max(x1, at[0]), Math.max(y1, at[1])];
    const size = Math.max(x1 - x0, y1 - y0, 24) * 1.4;
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    return { country, at, view: [round(cx - size / 2), round(cy - size / 2), round(size), round(size)] };
  }
  return undefined;
}

export function renderWhereMap(locale: SiteLocale, city: string, countryName: string, where: EntryLocation): Html {
  const t = MESSAGES[locale].map;
  const shape = WORLD.countries.find((c) => c.code === where.country);
  const scale = where.view[2] / 100; // strokes and the dot keep their size whatever the zoom
  return html`<figure class="where-map">
<svg viewBox="${where.view.join(' ')}" role="img" aria-labelledby="where-title where-desc">
<title id="where-title">${t.whereTitle(`${city}, ${countryName}`)}</title>
<desc id="where-desc">${t.whereDescription(city, countryName)}</desc>
<image href="${WORLD_MAP_ASSET}" x="0" y="0" width="${WORLD.width}" height="${WORLD.height}"/>
${shape ? html`<path d="${raw(shape.d)}" fill="${SHADES[0]}" stroke="${MAP_COLOURS.outline}" stroke-width="${round(0.8 * scale)}" stroke-linejoin="round"/>` : ''}
<circle cx="${where.at[0]}" cy="${where.at[1]}" r="${round(2.6 * scale)}" fill="${MAP_COLOURS.selected}" stroke="#ffffff" stroke-width="${round(0.9 * scale)}"/>
</svg>
<figcaption class="field-hint">${city}, ${countryName}. ${t.credit} ${t.placeCredit}</figcaption>
</figure>`;
}

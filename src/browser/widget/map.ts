/**
 * widget-map.js: the world map for `<solidarity-directory map>`, a separate file the widget loads
 * only when a widget on the page asks for a map, so widget.js stays small (the shapes are most of
 * this file; see docs/embedding.md for both sizes). It draws the same map as the directory's pages
 * (src/map/choropleth.ts decides shades and labels; src/map/world-shapes.ts is the projected Natural
 * Earth data), as DOM: text only ever goes in with textContent or setAttribute.
 *
 * It registers itself on `window.solidarityDirectoryMap`; widget.ts waits for the script's load.
 */
import { createMapModel, MAP_COLOURS, textOn } from '../../map/choropleth.ts';
import { WORLD } from '../../map/world-shapes.ts';

export interface MapTexts {
  title: string;
  description: (countries: number) => string;
  none: string;
  country: (name: string, count: number, chosen: boolean) => string;
  legend: string;
  noGroup: string;
  tableSummary: string;
  tableCountry: string;
  tableGroups: string;
}

export interface MapInput {
  counts: [string, number][];
  chosen: readonly string[];
  locale: string;
  texts: MapTexts;
  /** The directory's page for one country (the link's address: it works in a new tab too). */
  hrefFor: (code: string) => string;
  /** Called instead of following the link: the widget filters itself. */
  choose: (code: string) => void;
}

const SVG = 'http://www.w3.org/2000/svg';
const model = createMapModel(WORLD);
const land = [...WORLD.countries.map((c) => c.d), ...WORLD.land].join('');

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function swatch(fill: string): SVGSVGElement {
  return svg(
    'svg',
    { width: 14, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { width: 14, height: 14, fill, stroke: MAP_COLOURS.outline }),
  );
}

/** The map, its legend and the same figures as a table, for one answer's country counts. */
export function renderMap(input: MapInput): HTMLElement {
  const view = model(input.counts, input.chosen);
  const regions = new Intl.DisplayNames([input.locale], { type: 'region' });
  const name = (code: string) => regions.of(code) ?? code;
  const all = [...view.drawn, ...view.undrawn].sort((a, b) => b.count - a.count);

  const links = view.drawn.map((c) => {
    const label = input.texts.country(name(c.code), c.count, c.selected);
    const stroke = c.selected ? MAP_COLOURS.selected : MAP_COLOURS.outline;
    const width = c.selected ? 2 : 0.6;
    const shape = c.d
      ? svg('path', { class: 'map-shape', d: c.d, fill: c.shade, stroke, 'stroke-width': width, 'stroke-linejoin': 'round' })
      : svg('circle', { class: 'map-shape', cx: c.at![0], cy: c.at![1], r: 4, fill: c.shade, stroke, 'stroke-width': width });
    const a = svg('a', { href: input.hrefFor(c.code), class: 'map-country', 'aria-label': label }, svg('title', {}, label), shape);
    if (c.selected) a.setAttribute('aria-current', 'true');
    if (c.label) {
      const colour = c.d ? textOn(c.shade) : MAP_COLOURS.darkText;
      a.append(
        svg(
          'text',
          {
            x: c.label[0],
            y: c.label[1],
            fill: colour,
            stroke: colour === MAP_COLOURS.darkText ? MAP_COLOURS.sea : MAP_COLOURS.outline,
            'stroke-width': 2.5,
            'paint-order': 'stroke',
            'text-anchor': c.d ? 'middle' : 'start',
            'dominant-baseline': 'central',
            'font-size': 13,
            'font-weight': 700,
            'aria-hidden': 'true',
          },
          String(c.count),
        ),
      );
    }
    a.addEventListener('click', (event) => {
      event.preventDefault();
      input.choose(c.code);
    });
    return a;
  });

  const map = svg(
    'svg',
    { viewBox: `0 0 ${view.width} ${view.height}`, role: 'group', 'aria-labelledby': 'map-title', 'aria-describedby': 'map-desc', part: 'map' },
    svg('title', { id: 'map-title' }, input.texts.title),
    svg('desc', { id: 'map-desc' }, all.length ? input.texts.description(all.length) : input.texts.none),
    svg(
      'g',
      { 'aria-hidden': 'true' },
      svg('path', { d: WORLD.sphere, fill: MAP_COLOURS.sea, stroke: MAP_COLOURS.seaOutline, 'stroke-width': 0.8 }),
      svg('path', { d: land, fill: MAP_COLOURS.land, stroke: MAP_COLOURS.border, 'stroke-width': 0.5 }),
    ),
    ...links,
  );
  const legend = el(
    'ul',
    { class: 'map-legend', 'aria-label': input.texts.legend },
    el('li', {}, swatch(MAP_COLOURS.land), ` ${input.texts.noGroup}`),
    ...view.ranges.map((r) => el('li', {}, swatch(r.shade), ` ${r.min === r.max ? r.min : `${r.min}–${r.max}`}`)),
  );
  const table = el(
    'details',
    { part: 'map-table' },
    el('summary', {}, input.texts.tableSummary),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, input.texts.tableCountry), el('th', { scope: 'col' }, input.texts.tableGroups))),
      el('tbody', {}, ...all.map((c) => el('tr', {}, el('th', { scope: 'row' }, name(c.code)), el('td', {}, String(c.count))))),
    ),
  );
  return el('div', { class: 'map-box' }, map, legend, table);
}

(window as unknown as { solidarityDirectoryMap: { renderMap: typeof renderMap } }).solidarityDirectoryMap = { renderMap };

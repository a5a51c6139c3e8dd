/**
 * The world map's choices, shared by the pages (src/site/map-section.ts, rendered as text) and
 * the widget's map file (src/browser/widget/map.ts, rendered as DOM): which countries get which shade,
 * where count labels go, and the colours. Pure and free of Node APIs so the widget can bundle it.
 *
 * Colours. The shades are ColorBrewer's YlGnBu (designed to stay readable for colour-blind
 * readers: https://colorbrewer2.org/#type=sequential&scheme=YlGnBu&n=9), five steps from its
 * middle to its dark end, so every shade also differs in lightness from the next and from the
 * grey of countries without groups: the order reads without hue at all. Count labels are dark or
 * white, whichever passes WCAG AA (4.5:1) on their shade; every shaded country has a dark outline
 * at 3:1 or more against land and sea (WCAG 1.4.11). test/site/map-model.test.ts checks these
 * ratios with the WCAG formula. The counts are also written out (labels, link names, the table),
 * so colour is never the only carrier of the figures (WCAG 1.4.1).
 */
import type { WorldShapes } from './world-shapes-type.ts';

export const SHADES = ['#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
export const MAP_COLOURS = {
  sea: '#f5f8fb',
  seaOutline: '#9fb0c1',
  land: '#e4e1db',
  border: '#ffffff',
  outline: '#1d1d1f',
  selected: '#a4161a',
  darkText: '#1d1d1f',
  lightText: '#ffffff',
} as const;

/** WCAG 2 relative luminance of `#rrggbb`: https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The label colour on a shade: dark where it passes AA, else white. */
export function textOn(shade: string): string {
  return contrast(MAP_COLOURS.darkText, shade) >= 4.5 ? MAP_COLOURS.darkText : MAP_COLOURS.lightText;
}

export interface CountRange {
  min: number;
  max: number;
  shade: string;
}

/**
 * Count classes for counts up to `max`: one class per count while there are at most five
 * (a small network reads exactly), else five classes with geometric bounds (1–3, 4–6, 7–12,
 * 13–27, 28–60 for 60), because a few countries have many groups and most have a few.
 */
export function countRanges(max: number): CountRange[] {
  if (max < 1) return [];
  const uppers: number[] = [];
  if (max <= SHADES.length) for (let n = 1; n <= max; n++) uppers.push(n);
  else {
    for (let i = 1; i < SHADES.length; i++) {
      const upper = Math.ceil(max ** (i / SHADES.length));
      if (upper > (uppers.at(-1) ?? 0) && upper < max) uppers.push(upper);
    }
    uppers.push(max);
  }
  // Spread the classes over the whole scale so the darkest always means "the most".
  const step = uppers.length > 1 ? (SHADES.length - 1) / (uppers.length - 1) : 0;
  return uppers.map((upper, i) => ({
    min: i === 0 ? 1 : uppers[i - 1]! + 1,
    max: upper,
    shade: SHADES[uppers.length === 1 ? SHADES.length - 1 : Math.round(i * step)]!,
  }));
}

export function rangeOf(count: number, ranges: readonly CountRange[]): CountRange | undefined {
  return ranges.find((r) => count >= r.min && count <= r.max);
}

export interface MapCountry {
  code: string;
  count: number;
  shade: string;
  /** Path data for a shape, or a point for a country too small to draw. */
  d?: string;
  at?: readonly [number, number];
  /** Where its count is written, when there is room for it. */
  label?: readonly [number, number];
  selected: boolean;
}

export interface MapModel {
  width: number;
  height: number;
  ranges: CountRange[];
  /** Countries with at least one group that are on the map, most groups first. */
  drawn: MapCountry[];
  /** Countries with groups that the map cannot draw (too small even for the 1:50m data): the table has them. */
  undrawn: { code: string; count: number }[];
}

/** Labels closer than this (in map units) to a bigger country's label are left to the table. */
const LABEL_SPACING = 16;

/**
 * What the map shows for these counts (country code → groups). Cost: one pass over the
 * countries with groups, plus a lookup table built once per `world`.
 */
export function createMapModel(world: WorldShapes) {
  const shapes = new Map(world.countries.map((c) => [c.code, c]));
  const points = new Map(world.points.map((p) => [p.code, p]));
  return (counts: Iterable<readonly [string, number]>, selected: readonly string[] = []): MapModel => {
    const positive = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const ranges = countRanges(positive[0]?.[1] ?? 0);
    const drawn: MapCountry[] = [];
    const undrawn: { code: string; count: number }[] = [];
    // Placed labels by grid cell of LABEL_SPACING: a new label only looks at the 3×3 cells around it.
    const grid = new Map<number, (readonly [number, number])[]>();
    const cell = (x: number, y: number) => Math.floor(x / LABEL_SPACING) * 4096 + Math.floor(y / LABEL_SPACING);
    const room = ([x, y]: readonly [number, number]) => {
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const [px, py] of grid.get(cell(x + dx * LABEL_SPACING, y + dy * LABEL_SPACING)) ?? [])
            if (Math.hypot(px - x, py - y) < LABEL_SPACING) return false;
        }
      }
      return true;
    };
    const place = (at: readonly [number, number]) => {
      const key = cell(at[0], at[1]);
      const list = grid.get(key);
      if (list) list.push(at);
      else grid.set(key, [at]);
    };
    for (const [code, count] of positive) {
      const shade = rangeOf(count, ranges)!.shade;
      const shape = shapes.get(code);
      const point = points.get(code);
      if (!shape && !point) {
        undrawn.push({ code, count });
        continue;
      }
      // A dot's label sits to its right, clear of the dot.
      const anchor = shape ? shape.label : ([point!.at[0] + 8, point!.at[1]] as const);
      const label = room(anchor) ? anchor : undefined;
      if (label) place(label);
      drawn.push({ code, count, shade, ...(shape ? { d: shape.d } : { at: point!.at }), ...(label ? { label } : {}), selected: selected.includes(code) });
    }
    return { width: world.width, height: world.height, ranges, drawn, undrawn };
  };
}

/**
 * The base layer every map draws under the shaded countries: sea, and all land in grey. Countries
 * too small for shapes appear only when they have groups (as a dot), so the sea stays clean.
 */
export function baseLayerSvg(world: WorldShapes): string {
  const land = [...world.countries.map((c) => c.d), ...world.land].join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${world.width} ${world.height}" width="${world.width}" height="${world.height}">` +
    `<path d="${world.sphere}" fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.seaOutline}" stroke-width="0.8"/>` +
    `<path d="${land}" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.border}" stroke-width="0.5" stroke-linejoin="round"/>` +
    '</svg>\n'
  );
}

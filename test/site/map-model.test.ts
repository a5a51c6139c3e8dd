/**
 * The map's choices, checked against their definitions: count classes cover every count once,
 * colours pass WCAG's contrast formula, the shades get darker step by step (so the order reads
 * without hue, for colour-blind readers), and every country of the schema that Natural Earth
 * draws has a shape or a dot.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contrast, countRanges, createMapModel, luminance, MAP_COLOURS, rangeOf, SHADES, textOn } from '../../src/map/choropleth.ts';
import { WORLD } from '../../src/map/world-shapes.ts';
import { allCountryCodes, isCountryCode } from '../../src/schema/codes.ts';

describe('count classes', () => {
  it('put every count from 1 to the maximum in exactly one class, the maximum in the darkest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (max) => {
        const ranges = countRanges(max);
        expect(ranges.length).toBeLessThanOrEqual(SHADES.length);
        expect(ranges[0]!.min).toBe(1);
        expect(ranges.at(-1)!.max).toBe(max);
        expect(ranges.at(-1)!.shade).toBe(SHADES.at(-1));
        for (let i = 1; i < ranges.length; i++) {
          expect(ranges[i]!.min).toBe(ranges[i - 1]!.max + 1);
          expect(SHADES.indexOf(ranges[i]!.shade as (typeof SHADES)[number])).toBeGreaterThan(SHADES.indexOf(ranges[i - 1]!.shade as (typeof SHADES)[number]));
        }
        const probe = Math.max(1, Math.floor(max / 2));
        expect(rangeOf(probe, ranges)).toBeDefined();
      }),
    );
  });

  it('give each count its own class while there are at most five', () => {
    expect(countRanges(3).map((r) => [r.min, r.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(countRanges(60).map((r) => [r.min, r.max])).toEqual([
      [1, 3],
      [4, 6],
      [7, 12],
      [13, 27],
      [28, 60],
    ]);
    expect(countRanges(0)).toEqual([]);
  });
});

describe('colours', () => {
  it('darken at every step, by a visible margin, so they read in lightness alone', () => {
    for (let i = 1; i < SHADES.length; i++) {
      expect(luminance(SHADES[i]!)).toBeLessThan(luminance(SHADES[i - 1]!));
      expect(contrast(SHADES[i]!, SHADES[i - 1]!)).toBeGreaterThanOrEqual(1.3);
    }
    expect(contrast(SHADES[0], MAP_COLOURS.land)).toBeGreaterThanOrEqual(1.3);
  });

  it('write counts at AA contrast (4.5:1) on every shade, and on the sea for dots', () => {
    for (const shade of SHADES) expect(contrast(textOn(shade), shade)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MAP_COLOURS.darkText, MAP_COLOURS.sea)).toBeGreaterThanOrEqual(4.5);
  });

  it('outline shaded and chosen countries at 3:1 or more against the land and sea around them', () => {
    for (const line of [MAP_COLOURS.outline, MAP_COLOURS.selected]) {
      for (const against of [MAP_COLOURS.land, MAP_COLOURS.sea]) expect(contrast(line, against)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the generated shapes', () => {
  it('name only countries the schema accepts, each once', () => {
    const codes = [...WORLD.countries.map((c) => c.code), ...WORLD.points.map((p) => p.code)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !isCountryCode(c))).toEqual([]);
  });

  it('draw nearly every country of the schema (those Natural Earth leaves out go to the table)', () => {
    const drawn = new Set([...WORLD.countries.map((c) => c.code), ...WORLD.points.map((p) => p.code)]);
    const missing = allCountryCodes().filter((c) => !drawn.has(c));
    // Natural Earth 1:50m has ~240 admin-0 units; the rest are tiny territories and Antarctica.
    expect(drawn.size).toBeGreaterThan(230);
    expect(missing).toContain('AQ');
    for (const code of ['FR', 'IT', 'BR', 'SG', 'MT', 'HK', 'XK']) expect(drawn.has(code), code).toBe(true);
  });

  it('hold path data of digits and path commands only (the pages insert it unescaped)', () => {
    for (const d of [...WORLD.countries.map((c) => c.d), ...WORLD.land, WORLD.sphere]) expect(d).toMatch(/^(M[-\d. ]+l[-\d. ]+z)+$/);
  });

  it('put France’s label in metropolitan France, not French Guiana', () => {
    const fr = WORLD.countries.find((c) => c.code === 'FR')!;
    const de = WORLD.countries.find((c) => c.code === 'DE')!;
    expect(Math.hypot(fr.label[0] - de.label[0], fr.label[1] - de.label[1])).toBeLessThan(40);
  });
});

describe('the map model', () => {
  const model = createMapModel(WORLD);

  it('shades only countries with groups, biggest first, and sends the undrawable to the table', () => {
    const view = model(
      [
        ['IT', 8],
        ['FR', 2],
        ['SG', 1],
        ['AQ', 1],
        ['ES', 0],
      ],
      ['FR'],
    );
    expect(view.drawn.map((c) => c.code)).toEqual(['IT', 'FR', 'SG']);
    expect(view.drawn.find((c) => c.code === 'SG')!.at).toBeDefined();
    expect(view.drawn.find((c) => c.code === 'FR')!.selected).toBe(true);
    expect(view.undrawn).toEqual([{ code: 'AQ', count: 1 }]);
    expect(view.drawn[0]!.shade).toBe(SHADES.at(-1));
  });

  it('leaves no two count labels on top of each other', () => {
    const crowded = ['FR', 'BE', 'NL', 'LU', 'DE', 'CH', 'AT', 'IT', 'ES', 'PT', 'GB', 'IE', 'DK'].map((c, i) => [c, i + 1] as const);
    const labels = model(crowded).drawn.flatMap((c) => (c.label ? [c.label] : []));
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) expect(Math.hypot(labels[i]![0] - labels[j]![0], labels[i]![1] - labels[j]![1])).toBeGreaterThanOrEqual(16);
    expect(labels.length).toBeGreaterThan(4);
  });
});

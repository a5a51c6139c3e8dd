/**
 * The entry page's map: a city the offline gazetteer knows is projected onto the same shapes as
 * the listing's map (Varese lands in northern Italy), an unknown or ambiguous one gives no map
 * rather than a wrong dot, and the page describes the map in its language.
 */
import { describe, expect, it } from 'vitest';
import { locateCity } from '../../src/geo/locate-city.ts';
import { WORLD } from '../../src/map/world-shapes.ts';
import { renderEntryPage } from '../../src/site/entry-page.ts';
import { locateEntry } from '../../src/site/where-map.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

describe('locateCity (offline gazetteer)', () => {
  it('finds a city by its name in its country, ignoring case and accents', () => {
    const varese = locateCity('Varese', 'IT')!;
    expect(varese.lat).toBeCloseTo(45.82, 1);
    expect(varese.lon).toBeCloseTo(8.83, 1);
    expect(locateCity('sao paulo', 'BR')).toEqual(locateCity('São Paulo', 'BR'));
    expect(locateCity('São Paulo', 'BR')!.lat).toBeCloseTo(-23.5, 0);
  });

  it('answers nothing for an unknown place, a place in another country, or a name shared by places far apart', () => {
    expect(locateCity('Atlantis', 'IT')).toBeUndefined();
    expect(locateCity('Varese', 'FR')).toBeUndefined();
    expect(locateCity('Springfield', 'US')).toBeUndefined();
  });
});

describe('the entry page’s map', () => {
  it('puts the city on the world map’s projection, inside its country, and frames the country', () => {
    const where = locateEntry('Varese', ['IT'])!;
    const italy = WORLD.countries.find((c) => c.code === 'IT')!;
    const [x0, y0, x1, y1] = italy.box;
    expect(where.country).toBe('IT');
    expect(where.at[0]).toBeGreaterThanOrEqual(x0);
    expect(where.at[0]).toBeLessThanOrEqual(x1);
    expect(where.at[1] - y0).toBeLessThan((y1 - y0) / 3); // the north of Italy
    const [vx, vy, vw, vh] = where.view;
    expect(vx).toBeLessThan(x0);
    expect(vy).toBeLessThan(y0);
    expect(vx + vw).toBeGreaterThan(x1);
    expect(vy + vh).toBeGreaterThan(y1);
  });

  it('tries each of the entry’s countries, and gives up without a city or a known place', () => {
    expect(locateEntry('Varese', ['FR', 'IT'])?.country).toBe('IT');
    expect(locateEntry(undefined, ['IT'])).toBeUndefined();
    expect(locateEntry('Atlantis', ['IT'])).toBeUndefined();
  });

  it('is described on the page, in its language, and absent without a location', () => {
    const dir = fixtureDirectory();
    const doc = dir.findSlug('care-collective-lisbon')!;
    const where = locateEntry('Lisbon', ['PT'])!;
    const en = renderEntryPage(dir, doc, 'en', 'https://d.example', undefined, where);
    expect(en).toContain('<svg viewBox="');
    expect(en).toContain('role="img" aria-labelledby="where-title where-desc"');
    expect(en).toContain('<title id="where-title">Map: Lisboa, Portugal</title>');
    expect(en).toContain('<desc id="where-desc">A map of Portugal with a dot where Lisboa is.</desc>');
    expect(en).toContain('Map data: Natural Earth. Place: GeoNames.');
    const fr = renderEntryPage(dir, doc, 'fr', 'https://d.example', undefined, where);
    expect(fr).toContain('<title id="where-title">Carte : Lisboa, Portugal</title>');
    expect(renderEntryPage(dir, doc, 'en', 'https://d.example', undefined)).not.toContain('where-map');
  });
});

/**
 * The listing's world map, read back from the rendered page: one link per country with groups in
 * the view, named with the country and the same count the API's country facet gives, leading to
 * the view filtered to that country; the same figures in the table; a title and a description.
 */
import { describe, expect, it } from 'vitest';
import { listGroups } from '../../src/api/list-groups.ts';
import { parseParams } from '../../src/engine/parse-query.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { renderListing } from '../../src/site/listing-page.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();
const BASE = 'http://directory.test';
const page = (qs: string, locale: 'en' | 'fr' = 'en', map?: boolean) =>
  renderListing(dir, locale, new URLSearchParams(qs), { baseUrl: BASE, ...(map === undefined ? {} : { map }) }).body;
const section = (body: string) => body.match(/<section class="world-map"[\s\S]*?<\/section>/)?.[0] ?? '';
const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

function mapLinks(body: string) {
  const svg = section(body).match(/<svg class="map"[\s\S]*?<\/svg>/)![0];
  return [...svg.matchAll(/<a href="([^"]+)" class="map-country" aria-label="([^"]+)"/g)].map((m) => ({
    href: unescapeHtml(m[1]!),
    name: unescapeHtml(m[2]!),
  }));
}
function tableRows(body: string) {
  return [...section(body).matchAll(/<tr><th scope="row"><a href="([^"]+)">([^<]+)<\/a>.*?<\/th><td>(\d+)<\/td><\/tr>/g)].map((m) => ({
    href: unescapeHtml(m[1]!),
    name: m[2]!,
    count: Number(m[3]),
  }));
}
function countryFacet(qs: string) {
  const parsed = parseParams(groupsQuerySchema, new URLSearchParams(qs));
  if (!parsed.ok) throw new Error('bad fixture query');
  const api = listGroups(dir, { ...parsed.value, facets: ['country'] }, ['en'], BASE);
  if (!api.ok) throw new Error('API refused');
  return api.body.facets!.country!.filter((b) => b.count > 0);
}

describe('the world map on the listing', () => {
  for (const qs of ['', 'subject=education', 'country=FR&subject=labour-rights', 'q=union']) {
    it(`has one link per country with groups, named with the API's count (${qs || 'no filter'})`, () => {
      const body = page(qs);
      const facet = countryFacet(qs);
      const links = mapLinks(body);
      expect(links.map((l) => l.name).sort()).toEqual(
        facet.map((b) => `${b.label}: ${b.count === 1 ? '1 group' : `${b.count} groups`}${b.selected ? ' (chosen)' : ''}`).sort(),
      );
      expect(tableRows(body).map((r) => [r.name, r.count])).toEqual(
        [...facet].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).map((b) => [b.label, b.count]),
      );
    });
  }

  it('links each country to the same view filtered to it, from the first page', () => {
    const links = mapLinks(page('subject=labour-rights&country=ES&sort=-name&page=2&per_page=1'));
    const fr = links.find((l) => l.name.startsWith('France'))!;
    const target = new URL(fr.href, BASE);
    expect(target.pathname).toBe('/groups');
    expect(target.searchParams.get('country')).toBe('FR');
    expect(target.searchParams.get('subject')).toBe('labour-rights');
    expect(target.searchParams.get('page')).toBeNull();
    expect(links.find((l) => l.name.startsWith('Spain'))!.name).toBe('Spain: 2 groups (chosen)');
  });

  it('is titled and described, in the page’s language', () => {
    const en = section(page(''));
    expect(en).toMatch(/<svg class="map" viewBox="0 0 \d+ \d+" role="group" aria-labelledby="map-title" aria-describedby="map-desc">/);
    expect(en).toContain('<title id="map-title">World map of the groups by country</title>');
    expect(en).toContain('<desc id="map-desc">5 countries have groups in this view;');
    const fr = section(page('', 'fr'));
    expect(fr).toContain('<desc id="map-desc">5 pays ont des groupes dans cette vue ;');
    expect(mapLinks(page('', 'fr')).map((l) => l.href)).toContain('/fr/groups?country=FR');
    expect(mapLinks(page('', 'fr')).map((l) => l.name)).toContain('France : 3 groupes');
  });

  it('says so when no country has a group in the view', () => {
    const body = page('q=zzzzzz');
    expect(mapLinks(body)).toEqual([]);
    expect(section(body)).toContain('<desc id="map-desc">No country has a group in this view.</desc>');
  });

  it('carries only the shaded countries; the grey world is one cached image', () => {
    const body = page('');
    expect(section(body)).toContain('<image href="/assets/world-map.svg"');
    expect(section(body).match(/<path class="map-shape"/g)).toHaveLength(mapLinks(body).length);
  });

  it('can be left out (the benchmark’s baseline)', () => {
    expect(section(page('', 'en', false))).toBe('');
  });
});

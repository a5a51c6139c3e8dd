import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleWidget, bundleWidgetMap } from '../../src/site/build-site.ts';
import { FACET_NAMES } from '../../src/schema/query.ts';
import { SITE_LOCALES } from '../../src/site/paths.ts';
import { apiParams, directoryOrigin, filterParams, perPage, widgetLocale } from '../../src/browser/widget/query.ts';

const SIZE_LIMIT = 15 * 1024;
/** widget-map.js is loaded only by widgets with `map`; the shapes are most of it. */
const MAP_SIZE_LIMIT = 40 * 1024;

describe('widget.js', () => {
  it(`is at most ${SIZE_LIMIT} bytes gzipped`, async () => {
    const js = await bundleWidget();
    const gzipped = gzipSync(js, { level: 9 }).length;
    console.log(`widget.js: ${js.length} bytes, ${gzipped} bytes gzipped (limit ${SIZE_LIMIT})`);
    expect(gzipped).toBeLessThanOrEqual(SIZE_LIMIT);
  });

  it(`loads its map as a separate file of at most ${MAP_SIZE_LIMIT} bytes gzipped, and does not carry the shapes itself`, async () => {
    const [js, map] = await Promise.all([bundleWidget(), bundleWidgetMap()]);
    const gzipped = gzipSync(map, { level: 9 }).length;
    console.log(`widget-map.js: ${map.length} bytes, ${gzipped} bytes gzipped (limit ${MAP_SIZE_LIMIT})`);
    expect(gzipped).toBeLessThanOrEqual(MAP_SIZE_LIMIT);
    expect(map).toContain('solidarityDirectoryMap');
    expect(js).toContain('widget-map.js');
    const italy = /code:"IT",d:"(M[^"]{0,40})/.exec(map);
    expect(italy, 'the map file carries the shapes').not.toBeNull();
    expect(js).not.toContain(italy![1]);
  });

  it('carries the schema’s filter names and the site’s languages, injected at build time', async () => {
    const js = await bundleWidget();
    expect(js).toContain(JSON.stringify(FACET_NAMES).slice(1, -1));
    expect(js).toContain('customElements.define("solidarity-directory"');
    expect(js).not.toMatch(/__FILTERS__|__LOCALES__|__PER_PAGE_MAX__/);
    for (const locale of SITE_LOCALES) expect(js).toContain(`"${locale}"`);
  });
});

describe('attributes become the API’s query', () => {
  const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  const options = { filters: FACET_NAMES, locale: 'fr', perPageMax: 100 };

  it('passes filter attributes through under the API’s own names', () => {
    const get = attrs({ country: 'FR,ES', subject: 'education', 'subject-mode': 'all', relation: 'member', unknown: 'x' });
    expect(filterParams(get, FACET_NAMES).toString()).toBe('country=FR%2CES&subject=education&relation=member&subject_mode=all');
    const params = apiParams(get, { q: ' cobas ', page: 2 }, options);
    expect(Object.fromEntries(params)).toEqual({
      country: 'FR,ES',
      subject: 'education',
      relation: 'member',
      subject_mode: 'all',
      q: 'cobas',
      page: '2',
      per_page: '10',
      fields: 'name,short_name,summary,lang,countries,city',
      lang: 'fr',
    });
  });

  it('asks for country counts when it shows a map, and lets a country chosen on the map replace the attribute', () => {
    const get = attrs({ country: 'FR,ES', subject: 'education' });
    const params = apiParams(get, { q: '', page: 1, country: 'IT' }, { ...options, map: true });
    expect(params.get('country')).toBe('IT');
    expect(params.get('facets')).toBe('country');
    expect(params.get('subject')).toBe('education');
    expect(apiParams(get, { q: '', page: 1 }, options).get('facets')).toBeNull();
  });

  it('bounds per-page and falls back to 10', () => {
    expect(perPage('3', 100)).toBe(3);
    expect(perPage('500', 100)).toBe(100);
    expect(perPage('0', 100)).toBe(10);
    expect(perPage('abc', 100)).toBe(10);
    expect(perPage(null, 100)).toBe(10);
  });

  it('speaks the lang attribute, else the page’s, else the first site language', () => {
    expect(widgetLocale('fr', 'en', SITE_LOCALES)).toBe('fr');
    expect(widgetLocale(null, 'fr-CA', SITE_LOCALES)).toBe('fr');
    expect(widgetLocale('pt-BR', 'en', SITE_LOCALES)).toBe('pt');
    expect(widgetLocale('de', 'xx', SITE_LOCALES)).toBe('de');
    expect(widgetLocale('xx', 'yy', SITE_LOCALES)).toBe('en');
  });

  it('reads the directory from the api attribute, else from where widget.js came from', () => {
    expect(directoryOrigin('https://dir.example.org/some/path', 'https://cdn.example.net/widget.js', 'https://partner.example')).toBe(
      'https://dir.example.org',
    );
    expect(directoryOrigin(null, 'https://dir.example.org/widget.js', 'https://partner.example')).toBe('https://dir.example.org');
    expect(directoryOrigin(null, undefined, 'https://partner.example/page')).toBe('https://partner.example');
  });
});

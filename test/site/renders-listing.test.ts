import { describe, expect, it } from 'vitest';
import { listGroups } from '../../src/api/list-groups.ts';
import { FACETS } from '../../src/engine/artefact.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';
import { renderListing } from '../../src/site/listing-page.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { parseParams } from '../../src/engine/parse-query.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();
const BASE = 'http://directory.test';

function page(qs: string, locale: 'en' | 'fr' = 'en') {
  return renderListing(dir, locale, new URLSearchParams(qs), { baseUrl: BASE });
}

/** facet → value → [count, checked], read back from the rendered checkboxes. */
function checkboxes(body: string): Record<string, Record<string, [number, boolean]>> {
  const out: Record<string, Record<string, [number, boolean]>> = {};
  const re =
    /<input type="checkbox" name="([a-z]+)" value="([^"]+)" id="[^"]+" form="listing"( checked)?>\s*<label for="[^"]+">[^<]*<span class="count">\((\d+)\)<\/span>/g;
  for (const m of body.matchAll(re)) (out[m[1]!] ??= {})[m[2]!] = [Number(m[4]), m[3] !== undefined];
  return out;
}

const resultLinks = (body: string) => [...body.matchAll(/<li class="result">\s*<h3 translate="no"><a href="([^"]+)">/g)].map((m) => m[1]);

describe('the listing page shows what the API answers', () => {
  for (const qs of [
    '',
    'country=FR',
    'country=FR,ES&subject=labour-rights',
    'q=education',
    'subject=labour-rights,environment&subject_mode=all',
    'scope=national&relation=founding_member&sort=-name',
  ]) {
    it(`same groups, order and facet counts as /api/v1/groups?${qs}`, () => {
      const parsed = parseParams(groupsQuerySchema, new URLSearchParams(qs));
      if (!parsed.ok) throw new Error('fixture query is invalid');
      const api = listGroups(dir, { ...parsed.value, facets: [...FACETS] }, ['en'], BASE);
      if (!api.ok) throw new Error('API refused the query');
      const body = page(qs).body;
      expect(resultLinks(body)).toEqual(api.body.data.map((g) => `/groups/${g.slug}/`));
      const boxes = checkboxes(body);
      for (const facet of FACETS) {
        const expected = Object.fromEntries((api.body.facets![facet] ?? []).map((b) => [b.value, [b.count, b.selected]]));
        expect(boxes[facet] ?? {}, facet).toEqual(expected);
      }
      expect(body).toContain(`${api.body.meta.total === 1 ? '1 group' : `${api.body.meta.total} groups`}, page 1 of ${api.body.meta.total_pages}`);
    });
  }
});

describe('the state lives in the URL', () => {
  it('keeps the search text, the chosen filters and the sort in the form', () => {
    const body = page('q=solid&country=FR&sort=-name').body;
    expect(body).toContain('<input type="search" name="q" id="q" value="solid"');
    expect(checkboxes(body).country!.FR![1]).toBe(true);
    expect(body).toMatch(/<option value="-name" selected>/);
  });

  it('links every page with the same filters, marks the current one, and offers previous and next', () => {
    const body = page('country=FR,ES,IT&per_page=2&page=2').body;
    expect(body).toContain('<input type="hidden" name="per_page" value="2" form="listing">');
    expect(body).toContain('<a href="/groups?country=ES%2CFR%2CIT&amp;per_page=2" rel="prev">Previous</a>');
    expect(body).toContain('<a href="/groups?country=ES%2CFR%2CIT&amp;page=2&amp;per_page=2" aria-current="page" aria-label="Page 2">2</a>');
    expect(body).toContain('<a href="/groups?country=ES%2CFR%2CIT&amp;page=3&amp;per_page=2" rel="next">Next</a>');
  });

  it('offers the same filters as CSV, NDJSON and Atom downloads', () => {
    const body = page('country=FR&page=2&per_page=1&sort=name').body;
    expect(body).toContain('<a href="/api/v1/groups.csv?country=FR">CSV</a>');
    expect(body).toContain('<a href="/api/v1/groups.ndjson?country=FR">NDJSON</a>');
    expect(body).toContain('<a href="/api/v1/groups.atom?country=FR">Atom</a>');
  });

  it('ignores tracking parameters in a shared link', () => {
    expect(page('country=FR&utm_source=newsletter&fbclid=abc').body).toBe(page('country=FR').body);
  });

  it('keeps the view when switching language', () => {
    const body = page('country=FR&subject=education');
    expect(body.body).toContain(
      `href="/language?${new URLSearchParams({ set: 'fr', to: '/fr/groups?country=FR&subject=education' }).toString().replace(/&/g, '&amp;')}" hreflang="fr" lang="fr">Français</a>`,
    );
    expect(body.body).toContain('<link rel="alternate" hreflang="fr" href="http://directory.test/fr/groups?country=FR&amp;subject=education">');
  });
});

describe('bad settings are explained, not a crash', () => {
  it('answers 400 with the API’s own messages and still shows the whole directory', () => {
    const out = page('country=XX&per_page=500');
    expect(out.status).toBe(400);
    expect(out.body).toContain('role="alert"');
    expect(out.body).toContain('<code>country</code>: value 1: &quot;XX&quot; is not an ISO 3166-1 alpha-2 country code');
    expect(out.body).toContain('<code>per_page</code>: must be at most 100');
    expect(resultLinks(out.body)).toHaveLength(dir.size);
  });

  it('names an unknown subject heading', () => {
    const out = page('subject=astrology');
    expect(out.status).toBe(400);
    expect(out.body).toContain('unknown subject heading: astrology');
  });
});

describe('languages', () => {
  it('writes the French page in French, with French labels from the taxonomies and Intl', () => {
    const body = page('subject=education', 'fr').body;
    expect(body).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(body).toContain('<legend>Pays</legend>');
    expect(body).toContain('Éducation <span class="count">');
    expect(body).toContain(`Italie <span class="count">`);
    expect(body).toContain('action="/fr/groups"');
    expect(resultLinks(body).every((href) => href!.startsWith('/fr/groups/'))).toBe(true);
  });

  it('marks a summary shown in another language than the page', () => {
    const body = page('q=cobas', 'en').body;
    expect(body).toContain('<p lang="it">Sindacato di base della scuola.</p>');
  });
});

describe('the listing endpoint', () => {
  const endpoint = createListingEndpoint(dir);

  it('serves HTML by path language, cacheable, with an ETag that revalidates', async () => {
    const response = await endpoint(new Request(`${BASE}/fr/groups?country=FR`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('fr');
    expect(response.headers.get('netlify-vary')).toMatch(/^query=q\|country\|/);
    expect(await response.text()).toContain('<html lang="fr">');
    const again = await endpoint(new Request(`${BASE}/fr/groups?country=FR&utm_medium=x`, { headers: { 'If-None-Match': response.headers.get('etag')! } }));
    expect(again.status).toBe(304);
  });

  it('does not cache an error page', async () => {
    const response = await endpoint(new Request(`${BASE}/groups?page=0`));
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Not on the CDN either: a durable 400 would be served until the next deploy.
    expect(response.headers.get('netlify-cdn-cache-control')).toBeNull();
  });

  it('refuses other methods with 405 and Allow', async () => {
    const response = await endpoint(new Request(`${BASE}/groups`, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

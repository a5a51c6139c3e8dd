/**
 * `/` answers in the visitor's language: the switcher's remembered choice first, then
 * Accept-Language with its quality values; English in place, any other language a 302 to its own
 * static front page (which never redirects: no loop). The answer is keyed for caches by exactly
 * what chose it. The switch remembers a choice and only ever sends the visitor to a page of this site.
 */
import { describe, expect, it } from 'vitest';
import { createLanguageSwitchEndpoint, LANGUAGE_COOKIE } from '../../src/site/language-endpoint.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const BASE = 'http://directory.test';
const front = createListingEndpoint(fixtureDirectory());
const languageSwitch = createLanguageSwitchEndpoint();
const get = (headers: Record<string, string> = {}) => front(new Request(`${BASE}/`, { headers }));

describe('the front page', () => {
  it('sends a browser to its best language by quality values, and answers English in place', async () => {
    const cases: [string, string | null][] = [
      ['pt-BR,pt;q=0.9,en;q=0.5', '/pt/'],
      ['de-CH, de;q=0.9', '/de/'],
      ['fr;q=0, en', null], // French refused, English accepted
      ['ja, it;q=0.3, es;q=0.6', '/es/'],
      ['en-GB', null],
      ['zh-CN', null], // nothing we speak: English
      ['', null],
    ];
    for (const [acceptLanguage, location] of cases) {
      const r = await get(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {});
      if (location) {
        expect(r.status, acceptLanguage).toBe(302);
        expect(r.headers.get('location')).toBe(location);
      } else {
        expect(r.status, acceptLanguage).toBe(200);
        const body = await r.text();
        expect(body).toContain('<html lang="en">');
        expect(body).toContain('<link rel="alternate" hreflang="x-default" href="http://directory.test/">');
      }
    }
  });

  it('lets the visitor’s choice win over the browser’s languages', async () => {
    const french = { 'Accept-Language': 'fr-FR,fr;q=0.9' };
    expect((await get({ ...french, Cookie: `theme=dark; ${LANGUAGE_COOKIE}=en` })).status).toBe(200);
    const r = await get({ 'Accept-Language': 'en', Cookie: `${LANGUAGE_COOKIE}=it` });
    expect(r.headers.get('location')).toBe('/it/');
    expect((await get({ ...french, Cookie: `${LANGUAGE_COOKIE}=xx` })).headers.get('location')).toBe('/fr/'); // an unknown choice is no choice
  });

  it('is keyed for caches by what chose it, and revalidated by browsers', async () => {
    for (const r of [await get({ 'Accept-Language': 'de' }), await get()]) {
      expect(r.headers.get('netlify-vary')).toBe(`header=Accept-Language,cookie=${LANGUAGE_COOKIE}`);
      expect(r.headers.get('cache-control')).toBe('public, no-cache');
      expect(r.headers.get('vary')).toBe('Accept-Language');
    }
  });
});

describe('the language switch', () => {
  const go = (query: string) => languageSwitch(new Request(`${BASE}/language?${query}`));

  it('remembers the choice and goes to the same page in that language, filters kept', async () => {
    const r = await go(new URLSearchParams({ set: 'en', to: '/groups?country=IT&subject=education' }).toString());
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/groups?country=IT&subject=education');
    expect(r.headers.get('set-cookie')).toMatch(new RegExp(`^${LANGUAGE_COOKIE}=en; Path=/; Max-Age=\\d+; SameSite=Lax; HttpOnly$`));
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('never sends anyone to another site, and ignores a language it does not speak', async () => {
    for (const to of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '']) {
      const r = await go(new URLSearchParams({ set: 'de', to }).toString());
      expect(r.headers.get('location'), to).toBe('/de/');
    }
    const unknown = await go('set=xx&to=/fr/');
    expect(unknown.headers.get('location')).toBe('/fr/');
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });
});

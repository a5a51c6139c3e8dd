import { describe, expect, it } from 'vitest';
import { createGroupEndpoint, createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { parseAcceptLanguage } from '../../src/engine/pick-language.ts';
import { call, fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();
const groups = createGroupsEndpoint(dir);
const group = createGroupEndpoint(dir);

describe('languages', () => {
  it('serves the language asked for with lang, saying which it served and which exist', async () => {
    const r = await call(group, '/api/v1/groups/solidaires?lang=fr');
    expect(r.body.data).toMatchObject({ summary: 'Union syndicale interprofessionnelle française.', lang: 'fr', translations: ['en', 'fr'] });
    expect(r.headers.get('content-language')).toBe('fr');
  });

  it('follows Accept-Language by quality when lang is absent', async () => {
    const r = await call(group, '/api/v1/groups/solidaires', { headers: { 'Accept-Language': 'de;q=0.9, fr;q=0.95, en;q=0.1' } });
    expect(r.body.data.lang).toBe('fr');
  });

  it('falls back to English, then to whatever language the entry has', async () => {
    const es = await call(group, '/api/v1/groups/solidaires?lang=es');
    expect(es.body.data.lang).toBe('en');
    const it_ = await call(group, '/api/v1/groups/cobas-scuola?lang=fr');
    expect(it_.body.data).toMatchObject({ lang: 'it', summary: 'Sindacato di base della scuola.', translations: ['it'] });
  });

  it('serves the purpose in its own best language, rendered to safe HTML', async () => {
    const r = await call(group, '/api/v1/groups/cgt-spain?lang=en');
    expect(r.body.data).toMatchObject({ lang: 'en', purpose_lang: 'es', purpose_html: '<p>Luchamos por la <strong>autogestión</strong>.</p>\n' });
  });

  it('chooses per entry in lists', async () => {
    const r = await call(groups, '/api/v1/groups?lang=pt&fields=summary,lang&country=BR,FR');
    const bySlug = Object.fromEntries(r.body.data.map((d: { slug: string; lang: string }) => [d.slug, d.lang]));
    expect(bySlug).toEqual({ 'csp-conlutas': 'pt', solidaires: 'en', 'sud-education': 'fr', 'transport-workers-network': 'en' });
  });

  it('rejects a language the directory does not carry', async () => {
    const r = await call(groups, '/api/v1/groups?lang=xx');
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(['lang']);
  });

  it('parses Accept-Language ranges, dropping q=0 and wildcards', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0, *;q=0.5')).toEqual(['fr', 'en']);
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage('garbage;;;q=x, pt')).toEqual(['pt']);
  });
});

import { describe, expect, it } from 'vitest';
import artefact from '../../generated/directory.mjs';
import { createDirectory } from '../../src/engine/directory.ts';
import { createFeedEndpoint, createMurmurationsEndpoint } from '../../src/export/endpoints.ts';
import { atomFeed, newestFirst, xmlText } from '../../src/export/feed.ts';
import { murmurationsProfile, murmurationsProfileSchema } from '../../src/export/murmurations.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { resolveNetwork } from '../../src/engine/network.ts';
import { fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';

const BASE = 'https://directory.test';
const real = createDirectory(artefact);
const realNetwork = resolveNetwork(real);

describe('Murmurations profiles (organizations_schema-v1.0.0)', () => {
  it('every real entry gives a profile the field definitions accept', () => {
    for (let doc = 0; doc < real.size; doc++) {
      const profile = murmurationsProfile(real, doc, BASE, realNetwork);
      expect(murmurationsProfileSchema.safeParse(profile).success, real.artefact.entries[doc]!.slug).toBe(true);
      expect(profile.linked_schemas).toEqual(['organizations_schema-v1.0.0']);
    }
  });

  it('maps scope, country, subject headings, website and membership', () => {
    const dir = fixtureDirectory();
    const network = { slug: 'transport-workers-network', name: 'TWSN', website: 'https://twsn.example.org/' };
    const cgt = murmurationsProfile(dir, dir.findSlug('cgt-spain'), BASE, network);
    expect(cgt).toMatchObject({
      name: 'Confederación General del Trabajo',
      nickname: 'CGT',
      geographic_scope: 'national',
      country_iso_3166: 'ES',
      tags: ['Labour rights', "Migrants' rights"],
      description: 'Anarcho-syndicalist confederation of the Spanish State.',
      urls: [{ name: 'Solidarity Directory', url: `${BASE}/groups/cgt-spain/` }],
      relationships: [{ predicate_url: 'https://schema.org/memberOf', object_url: 'https://twsn.example.org/' }],
    });
    const several = murmurationsProfile(dir, dir.findSlug('transport-workers-network'), BASE, network);
    expect(several.country_iso_3166).toBeUndefined(); // three countries are not a location
    expect(several.relationships).toBeUndefined();
    const participant = murmurationsProfile(dir, dir.findSlug('cobas-scuola'), BASE, network);
    expect(participant.relationships).toBeUndefined();
  });

  it('gives primary_url: the group’s own website, else its first social link, else its page here; a founding year as a Unix time; a public email as contact', () => {
    const withSite = entrySchema.parse({
      ...fixtureEntries[0]!,
      slug: 'with-site',
      website: 'https://cgt.example.org/',
      founded: 1979,
      email: 'info@cgt.example.org',
      social: ['https://www.mastodon.example/@cgt'],
    });
    const dir = fixtureDirectory([...fixtureEntries, withSite]);
    const p = murmurationsProfile(dir, dir.findSlug('with-site'), BASE, undefined);
    expect(p.primary_url).toBe('https://cgt.example.org/');
    expect(p.starts_at).toBe(Date.UTC(1979, 0, 1) / 1000);
    expect(p.contact_details).toEqual({ email: 'info@cgt.example.org' });
    expect(p.urls).toContainEqual({ name: 'mastodon.example', url: 'https://www.mastodon.example/@cgt' });
    expect(murmurationsProfile(dir, dir.findSlug('cgt-spain'), BASE, undefined).primary_url).toBe(`${BASE}/groups/cgt-spain/`);
  });

  it('is served at /api/v1/groups/{slug}/murmurations.json, 404 for an unknown group', async () => {
    const endpoint = createMurmurationsEndpoint(real, realNetwork);
    const ok = await endpoint(new Request(`${BASE}/api/v1/groups/cub/murmurations.json`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(murmurationsProfileSchema.parse(await ok.json()).name).toBe('Confederazione Unitaria di Base');
    const missing = await endpoint(new Request(`${BASE}/api/v1/groups/nobody/murmurations.json`));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
});

describe('the Atom feed of newly added groups', () => {
  const dir = fixtureDirectory();

  it('lists the newest first, with dates, links, summaries and subject categories', () => {
    const xml = atomFeed(dir, dir.artefact.entries, { baseUrl: BASE, selfUrl: `${BASE}/api/v1/groups.atom`, filterQuery: '', prefs: ['en'] });
    const ids = [...xml.matchAll(/<id>https:\/\/directory\.test\/groups\/([^/]+)\/<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual(newestFirst(dir.artefact.entries).map((e) => e.slug));
    expect(ids.at(-1)).toBe('climate-unionists'); // created 2023, the others 2024
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://directory.test/api/v1/groups.atom"/>');
    expect(xml).toContain('<published>2023-05-05T00:00:00Z</published>');
    expect(xml).toContain(
      '<rights>© Solidarity Directory contributors, and the sources each entry lists. Licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/</rights>',
    );
    expect(xml).toContain('<category term="migrants-rights" label="Migrants&apos; rights"/>');
    expect(xml).toContain('<summary type="text" xml:lang="it">Sindacato di base della scuola.</summary>');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('a < b & "c" \u0001')).toBe('a &lt; b &amp; &quot;c&quot; ');
  });

  it('takes the API’s filters and lang, refuses sort and paging', async () => {
    const endpoint = createFeedEndpoint(dir);
    const r = await endpoint(new Request(`${BASE}/api/v1/groups.atom?country=FR&lang=fr`));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await r.text();
    expect([...xml.matchAll(/<entry>/g)]).toHaveLength(3);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://directory.test/fr/groups?country=FR"/>');
    expect(xml).toContain('href="https://directory.test/fr/groups/solidaires/"');
    const bad = await endpoint(new Request(`${BASE}/api/v1/groups.atom?sort=name&page=2`));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['page', 'sort']);
  });
});

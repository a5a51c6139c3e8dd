import { describe, expect, it } from 'vitest';
import { relatedDocs } from '../../src/engine/related.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { renderEntryPage } from '../../src/site/entry-page.ts';
import { entryJsonLd } from '../../src/site/json-ld.ts';
import { resolveNetwork } from '../../src/engine/network.ts';
import { fixtureDirectory, fixtureEntries } from '../support/fixture-directory.ts';

const BASE = 'https://directory.test';
const dir = fixtureDirectory();
const network = resolveNetwork(dir, 'transport-workers-network');
const doc = (slug: string) => dir.findSlug(slug);

function jsonLdOf(body: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  if (!m) throw new Error('no JSON-LD');
  return JSON.parse(m[1]!) as Record<string, unknown>;
}

describe('schema.org JSON-LD', () => {
  it('describes a confederation as a WorkersUnion serving its countries, knowing its subjects, member of the network', () => {
    const ld = jsonLdOf(renderEntryPage(dir, doc('cgt-spain'), 'en', BASE, network));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WorkersUnion',
      '@id': `${BASE}/groups/cgt-spain/#organization`,
      name: 'Confederación General del Trabajo',
      alternateName: ['CGT'],
      description: 'Anarcho-syndicalist confederation of the Spanish State.',
      mainEntityOfPage: `${BASE}/groups/cgt-spain/`,
      areaServed: [{ '@type': 'Country', name: 'Spain', identifier: 'ES' }],
      knowsAbout: ['Labour rights', "Migrants' rights"],
      knowsLanguage: ['es', 'ca'],
      memberOf: { '@type': 'Organization', '@id': `${BASE}/groups/transport-workers-network/#organization`, name: 'Transport Workers Solidarity Network' },
    });
  });

  it('uses the page’s language for labels, and the same @id in every language', () => {
    const fr = jsonLdOf(renderEntryPage(dir, doc('cgt-spain'), 'fr', BASE, network));
    expect(fr['@id']).toBe(`${BASE}/groups/cgt-spain/#organization`);
    expect(fr.areaServed).toEqual([{ '@type': 'Country', name: 'Espagne', identifier: 'ES' }]);
    expect(fr.knowsAbout).toEqual(['Droits des travailleurs', 'Droits des migrant·es']);
    expect(fr.mainEntityOfPage).toBe(`${BASE}/fr/groups/cgt-spain/`);
    expect(fr.subjectOf).toEqual({ '@type': 'WebPage', '@id': `${BASE}/fr/groups/cgt-spain/`, license: 'https://creativecommons.org/licenses/by/4.0/' });
  });

  it('says memberOf only for a membership the sources state', () => {
    for (const entry of fixtureEntries) {
      const ld = entryJsonLd(dir, doc(entry.slug), 'en', BASE, network);
      const member = ['member', 'founding_member'].includes(entry.network_relation) && entry.slug !== network!.slug;
      expect('memberOf' in ld, entry.slug).toBe(member);
    }
  });

  it('calls networks and collectives Organization, and names the city it serves', () => {
    const ld = entryJsonLd(dir, doc('care-collective-lisbon'), 'en', BASE, network);
    expect(ld['@type']).toBe('Organization');
    expect(ld.areaServed).toEqual([
      { '@type': 'Country', name: 'Portugal', identifier: 'PT' },
      { '@type': 'City', name: 'Lisboa' },
    ]);
  });
});

describe('an entry page', () => {
  const body = renderEntryPage(dir, doc('solidaires'), 'en', BASE, network);

  it('shows the facts as links back into the filtered directory', () => {
    expect(body).toContain('<h1 translate="no">Union syndicale Solidaires <span class="short-name">(Solidaires)</span></h1>');
    expect(body).toContain('<a href="/groups?country=FR">France</a>');
    expect(body).toContain('<a href="/groups?subject=environment">Environment</a>');
    expect(body).toContain('<a href="/groups?relation=founding_member">Founding member</a>');
  });

  it('lists the related groups the engine finds, as "similar topics"', () => {
    const related = relatedDocs(dir, doc('solidaires')).map((d) => dir.artefact.entries[d]!.slug);
    expect(related.length).toBeGreaterThan(0);
    const section = body.slice(body.indexOf('id="related-heading"'));
    expect([...section.matchAll(/<h3><a href="\/groups\/([^/]+)\/" translate="no">/g)].map((m) => m[1])).toEqual(related);
    expect(section).toContain('Similar topics');
  });

  it('links the join form, the JSON and the Murmurations profile', () => {
    expect(body).toContain('<a href="/join">');
    expect(body).toContain('href="/api/v1/groups/solidaires?lang=en"');
    expect(body).toContain('href="/api/v1/groups/solidaires/murmurations.json"');
  });

  it('marks texts that exist only in another language', () => {
    const it = renderEntryPage(dir, doc('cobas-scuola'), 'fr', BASE, network);
    expect(it).toContain('<p class="lead" lang="it">Sindacato di base della scuola.</p>');
    expect(it).toContain('Ce texte est en italien.');
    const es = renderEntryPage(dir, doc('cgt-spain'), 'en', BASE, network);
    expect(es).toMatch(/<div class="prose" lang="es"><p>Luchamos por la <strong>autogestión<\/strong>.<\/p>/);
  });
});

describe('hostile content stays text', () => {
  const evil = entrySchema.parse({
    slug: 'evil',
    name: '</script><script>alert(1)</script>',
    short_name: '"><img src=x onerror=alert(2)>',
    summary: { en: '<b>bold</b> & <!-- comment -->' },
    purpose: { en: '<script>alert(3)</script>\n\n[link](javascript:alert(4))' },
    city: "O'Hara <i>",
    countries: ['FR'],
    network_relation: 'member',
    sources: [{ url: 'https://example.org/?a=1&b="2"', title: '<u>source</u>' }],
    created: '2024-01-01',
    updated: '2024-01-01',
  });
  const evilDir = fixtureDirectory([...fixtureEntries, evil]);
  const body = renderEntryPage(evilDir, evilDir.findSlug('evil'), 'en', BASE, undefined);

  it('has no markup but ours', () => {
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<b>bold');
    expect(body).not.toContain('<u>source');
    expect(body).not.toContain('javascript:');
    expect(body.match(/<script/g)).toHaveLength(1); // the JSON-LD, and nothing else
    expect(body).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
  });

  it('keeps the JSON-LD parseable and faithful', () => {
    const ld = jsonLdOf(body);
    expect(ld.name).toBe('</script><script>alert(1)</script>');
    expect(ld.description).toBe('<b>bold</b> & <!-- comment -->');
  });
});

import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { validateContent } from '../../src/content/validate-content.ts';
import { createVocabulary, mapListing } from '../../src/import/connexions/map-listing.ts';
import { createHeadingMatcher, readHeadings } from '../../src/import/connexions/match-terms.ts';
import { parseListing } from '../../src/import/connexions/parse-listing.ts';
import type { TaxonomyTerm } from '../../src/schema/taxonomy.ts';
import { importInto, PROJECT, readEntry, tempProject } from '../support/import-helpers.ts';

async function realVocabulary() {
  const result = validateContent(await loadContent(PROJECT));
  if (!result.ok) throw new Error('the shipped content must be valid');
  return createVocabulary(result.content.taxonomies);
}

function term(slug: string, en: string, fr: string, extra: Partial<TaxonomyTerm> = {}): TaxonomyTerm {
  return { slug, label: { en, fr } as TaxonomyTerm['label'], ...extra }; // the other languages are optional at run time
}

describe('subject headings, scope, languages and structure', () => {
  it('map onto the taxonomies and enums, and unknown headings are reported, not dropped silently', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['fields-and-headings.txt'])).files;
    const entry = await readEntry(root, 'syndicat-des-travailleuses-et-travailleurs-du-rail');
    expect(entry).toMatchObject({
      geographic_scope: 'national',
      languages: ['fr', 'en'],
      structure: 'union',
      subjects: ['labour-rights', 'health', 'lgbtq-rights', 'arts-media-culture', 'peace', 'environment'],
      sectors: ['agriculture'],
    });
    expect(file!.dropped).toEqual([{ value: 'Subject Headings: Unicorn Husbandry', reason: expect.stringContaining('matches no subject heading or sector') }]);
    expect(file!.notes).toEqual(
      expect.arrayContaining([
        'read Structure "Trade Union" as union',
        'subject heading "Agriculture and Food" read as the sector agriculture',
        expect.stringMatching(/^subject heading "Economy, Poverty, Work" is a Connexions issue area of several subjects: took labour-rights/),
      ]),
    );
  });

  it('file the text under the language it is written in, identified from the text itself', async () => {
    const root = await tempProject();
    const [file] = (await importInto(root, ['french-text.txt'])).files;
    const entry = await readEntry(root, 'collectif-des-livreurs-autonomes-de-lyon');
    expect(Object.keys(entry.summary)).toEqual(['fr']);
    expect(Object.keys(entry.purpose!)).toEqual(['fr']);
    expect(entry.languages).toEqual(['fr']);
    expect(file!.notes).toContainEqual(expect.stringMatching(/^text identified as "fr" \(confidence 0\.\d+\)$/));
  });

  it('keep the text English when the listing says nothing about languages', async () => {
    const root = await tempProject();
    await importInto(root, ['inverted-name.txt']);
    const entry = await readEntry(root, 'the-commune');
    expect(Object.keys(entry.summary)).toEqual(['en']);
    expect(entry.languages).toBeUndefined();
  });

  it('report a structure that is not ours, or that names two of ours, instead of guessing', async () => {
    const vocabulary = await realVocabulary();
    const read = (structure: string) => mapListing(parseListing(`Some Group\nPurpose: Organising.\nStructure: ${structure}`), vocabulary);
    expect(read('Non-Profit').dropped).toEqual([{ value: 'Structure: Non-Profit', reason: 'not one of the structures of this directory' }]);
    expect(read('Union Federation').dropped).toEqual([
      { value: 'Structure: Union Federation', reason: expect.stringContaining('names several structures (union, federation)') },
    ]);
    expect(read('Confédération').facts?.structure).toBe('confederation');
  });

  it('keep the widest of several scopes, and report a scope that is not one', async () => {
    const vocabulary = await realVocabulary();
    const both = mapListing(parseListing('Some Group\nPurpose: Organising.\nGeographic Scope: Local, National'), vocabulary);
    expect(both.facts?.geographic_scope).toBe('national');
    expect(both.notes).toContain('Geographic Scope names national and local: kept the widest, national');
    const place = mapListing(parseListing('Some Group\nPurpose: Organising.\nGeographic Scope: Ontario'), vocabulary);
    expect(place.facts?.geographic_scope).toBeUndefined();
    expect(place.dropped).toEqual([{ value: 'Geographic Scope: Ontario', reason: 'not one of international, national, regional, local' }]);
  });

  it('read language names in any of the directory languages or in the language itself, and ISO codes', async () => {
    const vocabulary = await realVocabulary();
    const mapped = mapListing(parseListing('Some Group\nPurpose: Organising.\nLanguages: Spanish; Deutsch, italiano and pt / Klingon'), vocabulary);
    expect(mapped.facts?.languages).toEqual(['es', 'de', 'it', 'pt']);
    expect(mapped.dropped).toEqual([{ value: 'Languages: Klingon', reason: 'not a language name or ISO 639-1 code' }]);
  });
});

describe('matching a subject heading', () => {
  const match = createHeadingMatcher({
    subjects: [
      term('labour-rights', 'Labour rights', 'Droits des travailleurs', { description: 'Connexions issue area: Economy, Poverty, Work' }),
      term('precarious-work', 'Precarious work', 'Précarité', { description: 'Connexions issue area: Economy, Poverty, Work' }),
      term('education', 'Education', 'Éducation', { description: 'Connexions issue area: Education' }),
      term('arts', 'Arts and culture', 'Arts et culture', { description: 'Connexions issue area: Arts, Media, Culture' }),
    ],
    sectors: [term('education', 'Education', 'Enseignement'), term('health-and-care', 'Health and care', 'Santé et soins')],
  });

  it.each([
    ['labour RIGHTS', 'subjects', 'labour-rights', 'label'],
    ['PRECARITE', 'subjects', 'precarious-work', 'label'],
    ['Education', 'subjects', 'education', 'label'], // a subject before a sector of the same name
    ['Enseignement', 'sectors', 'education', 'label'],
    ['Health & Care', 'sectors', 'health-and-care', 'label'],
    ['Arts, Media & Culture', 'subjects', 'arts', 'issue area'],
  ])('%j → %s/%s by %s', (heading, taxonomy, slug, via) => {
    expect(match(heading)).toMatchObject({ taxonomy, slug, via });
  });

  it('takes the first term in taxonomy order for an issue area several terms share, and names the others', () => {
    expect(match('Economy, Poverty, Work')).toEqual({ taxonomy: 'subjects', slug: 'labour-rights', via: 'issue area', others: ['precarious-work'] });
  });

  it('splits lines on ";" and "," without breaking issue areas that contain commas', () => {
    const { found, unknown } = readHeadings(['Arts, Media, Culture, Labour Rights; Mining', 'Education'], match);
    expect(found.map((f) => f.slug)).toEqual(['arts', 'labour-rights', 'education']);
    expect(unknown).toEqual(['Mining']);
  });
});

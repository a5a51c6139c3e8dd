/**
 * A small, hand-made directory whose every answer can be worked out by reading this file.
 * Entries go through the real schema and the real artefact build.
 */
import { buildArtefact, type BuildOptions } from '../../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { createDirectory, type Directory } from '../../src/engine/directory.ts';
import { entrySchema, type Entry } from '../../src/schema/entry.ts';
import { taxonomyTermSchema, type TaxonomyTerm } from '../../src/schema/taxonomy.ts';
import { checkedCall } from './contract.ts';

/** A term with its label in every language, in the order en, fr, es, pt, it, de. */
const term = (slug: string, ...[en, fr, es, pt, it, de]: string[]): TaxonomyTerm => taxonomyTermSchema.parse({ slug, label: { en, fr, es, pt, it, de } });

export const fixtureSubjects = [
  term('labour-rights', 'Labour rights', 'Droits des travailleurs', 'Derechos laborales', 'Direitos trabalhistas', 'Diritti del lavoro', 'Arbeitsrechte'),
  term('education', 'Education', 'Éducation', 'Educación', 'Educação', 'Istruzione', 'Bildung'),
  term(
    'migrants-rights',
    "Migrants' rights",
    'Droits des migrant·es',
    'Derechos de las personas migrantes',
    'Direitos dos migrantes',
    'Diritti dei migranti',
    'Rechte von Migrant*innen',
  ),
  term('environment', 'Environment', 'Environnement', 'Medio ambiente', 'Meio ambiente', 'Ambiente', 'Umwelt'),
];
export const fixtureSectors = [
  term('education', 'Education', 'Éducation', 'Educación', 'Educação', 'Istruzione', 'Bildung'),
  term('transport', 'Transport', 'Transports', 'Transporte', 'Transportes', 'Trasporti', 'Verkehr'),
  term('health-and-care', 'Health and care', 'Santé', 'Salud y cuidados', 'Saúde e cuidados', 'Sanità e cura', 'Gesundheit und Pflege'),
];

const base = { network_relation: 'member' as const, created: '2024-01-01', updated: '2024-01-01' };

export const fixtureEntries: Entry[] = [
  {
    ...base,
    slug: 'cgt-spain',
    name: 'Confederación General del Trabajo',
    short_name: 'CGT',
    summary: { en: 'Anarcho-syndicalist confederation of the Spanish State.', es: 'Confederación anarcosindicalista del Estado español.' },
    purpose: { es: 'Luchamos por la **autogestión**.' },
    geographic_scope: 'national',
    countries: ['ES'],
    subjects: ['labour-rights', 'migrants-rights'],
    sectors: ['transport'],
    languages: ['es', 'ca'],
    structure: 'confederation',
    network_relation: 'founding_member',
    updated: '2025-03-01',
  },
  {
    ...base,
    slug: 'solidaires',
    name: 'Union syndicale Solidaires',
    short_name: 'Solidaires',
    summary: { fr: 'Union syndicale interprofessionnelle française.', en: 'French interprofessional union federation.' },
    geographic_scope: 'national',
    countries: ['FR'],
    subjects: ['labour-rights', 'migrants-rights', 'environment'],
    languages: ['fr'],
    structure: 'confederation',
    network_relation: 'founding_member',
    updated: '2025-02-01',
  },
  {
    ...base,
    slug: 'sud-education',
    name: 'SUD éducation',
    summary: { fr: 'Syndicat des personnels de l’éducation.' },
    geographic_scope: 'national',
    countries: ['FR'],
    subjects: ['education', 'labour-rights'],
    sectors: ['education'],
    languages: ['fr'],
    structure: 'union',
    updated: '2024-06-01',
  },
  {
    ...base,
    slug: 'cobas-scuola',
    name: 'COBAS scuola',
    summary: { it: 'Sindacato di base della scuola.' },
    geographic_scope: 'regional',
    countries: ['IT'],
    subjects: ['education'],
    sectors: ['education'],
    languages: ['it'],
    structure: 'union',
    network_relation: 'participant',
  },
  {
    ...base,
    slug: 'csp-conlutas',
    name: 'CSP-Conlutas',
    summary: { pt: 'Central sindical e popular do Brasil.', en: 'Brazilian trade union and popular centre.' },
    geographic_scope: 'national',
    countries: ['BR'],
    subjects: ['labour-rights', 'environment'],
    languages: ['pt'],
    structure: 'confederation',
    network_relation: 'founding_member',
    updated: '2025-01-15',
  },
  {
    ...base,
    slug: 'transport-workers-network',
    name: 'Transport Workers Solidarity Network',
    summary: { en: 'Cross-border network of rank-and-file transport workers.' },
    geographic_scope: 'international',
    countries: ['FR', 'ES', 'IT'],
    subjects: ['labour-rights'],
    sectors: ['transport'],
    languages: ['en', 'fr'],
    structure: 'network',
    network_relation: 'observer',
    updated: '2024-09-09',
  },
  {
    ...base,
    slug: 'care-collective-lisbon',
    name: 'Care Workers Collective',
    city: 'Lisboa',
    summary: { en: 'Self-organised collective of care workers in Lisbon.' },
    geographic_scope: 'local',
    countries: ['PT'],
    subjects: ['migrants-rights'],
    sectors: ['health-and-care'],
    languages: ['pt', 'en'],
    structure: 'collective',
    network_relation: 'none',
  },
  {
    ...base,
    slug: 'climate-unionists',
    name: 'Climate Unionists',
    summary: { en: 'Trade unionists organising for a just transition.' },
    geographic_scope: 'international',
    subjects: ['environment'],
    network_relation: 'participant',
    updated: '2023-05-05',
    created: '2023-05-05',
  },
].map((e) => entrySchema.parse(e));

export function fixtureDirectory(
  entries: Entry[] = fixtureEntries,
  taxonomies: { subjects?: TaxonomyTerm[]; sectors?: TaxonomyTerm[] } = {},
  options: BuildOptions = {},
): Directory {
  return createDirectory(
    buildArtefact(
      { entries, taxonomies: { subjects: taxonomies.subjects ?? fixtureSubjects, sectors: taxonomies.sectors ?? fixtureSectors } },
      createMarkdownRenderer(),
      options,
    ),
  );
}

/**
 * Calls an endpoint with a real Request and returns status, headers and parsed JSON. Every answer
 * is held to the OpenAPI document first (test/support/contract.ts).
 */
export async function call(handler: (r: Request) => Promise<Response>, path: string, init?: RequestInit) {
  const response = await checkedCall(handler, new Request(`http://directory.test${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

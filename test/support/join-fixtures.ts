/**
 * A small hand-made directory for the join tests, built through the real schema and artefact
 * builder: every duplicate the tests expect can be worked out by reading this file.
 */
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import type { Artefact } from '../../src/engine/artefact.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { taxonomyTermSchema } from '../../src/schema/taxonomy.ts';
import { encodeEntryFile } from '../../src/content/entry-file.ts';

/** A term with its label in every language, in the order en, fr, es, pt, it, de. */
const term = (slug: string, ...[en, fr, es, pt, it, de]: string[]) => taxonomyTermSchema.parse({ slug, label: { en, fr, es, pt, it, de } });
const base = { network_relation: 'member' as const, created: '2024-01-01', updated: '2024-01-01' };

export const joinFixtureEntries = [
  {
    ...base,
    slug: 'cgt-spain',
    name: 'Confederación General del Trabajo',
    short_name: 'CGT',
    summary: { es: 'Confederación anarcosindicalista.' },
    countries: ['ES'],
    website: 'https://cgt.org.es/',
  },
  {
    ...base,
    slug: 'solidaires',
    name: 'Union syndicale Solidaires',
    short_name: 'Solidaires',
    summary: { fr: 'Union syndicale.' },
    countries: ['FR'],
    website: 'https://www.solidaires.org/',
  },
  { ...base, slug: 'sud-rail', name: 'SUD-Rail', summary: { fr: 'Syndicat du rail.' }, countries: ['FR'], website: 'https://www.facebook.com/sudrail' },
].map((e) => entrySchema.parse(e));

export const joinFixtureArtefact: Artefact = buildArtefact(
  {
    entries: joinFixtureEntries,
    taxonomies: {
      subjects: [
        term('labour-rights', 'Labour rights', 'Droits des travailleurs', 'Derechos laborales', 'Direitos trabalhistas', 'Diritti del lavoro', 'Arbeitsrechte'),
        term(
          'migrants-rights',
          'Migrants’ rights',
          'Droits des migrant·es',
          'Derechos de las personas migrantes',
          'Direitos dos migrantes',
          'Diritti dei migranti',
          'Rechte von Migrant*innen',
        ),
      ],
      sectors: [
        term('transport', 'Transport', 'Transports', 'Transporte', 'Transportes', 'Trasporti', 'Verkehr'),
        term('education', 'Education', 'Éducation', 'Educación', 'Educação', 'Istruzione', 'Bildung'),
      ],
    },
  },
  createMarkdownRenderer(),
);

/** A complete, valid application (JSON shape) for a group not in the directory. */
export function validApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Sindicato de Trabajadoras del Hogar',
    short_name: 'SINTRAHO',
    summary: { es: 'Sindicato autónomo de trabajadoras del hogar.', en: 'Independent union of domestic workers.' },
    purpose: { es: 'Organizamos a las trabajadoras del hogar **sin patrones**.\n\nSegunda línea.' },
    geographic_scope: 'national',
    countries: ['ES'],
    city: 'Madrid',
    subjects: ['labour-rights', 'migrants-rights'],
    languages: ['es'],
    structure: 'union',
    website: 'https://sintraho.example.org/',
    email: 'info@sintraho.example.org',
    founded: 2018,
    contact: { name: 'Ana Pérez', email: 'ana.perez@example.net', role: 'Secretaria internacional', message: 'Podéis llamarme por la tarde.' },
    consent: true,
    ...overrides,
  };
}

/** The fixture entries as files, as the repository holds them (content/groups/<slug>.md). */
export function fixtureFiles(): Record<string, string> {
  return { 'README.md': '# Directory\n', ...Object.fromEntries(joinFixtureEntries.map((e) => [`content/groups/${e.slug}.md`, encodeEntryFile(e)])) };
}

/** A complete, valid correction (JSON shape): only `changes` differ from the entry. */
export function validCorrection(changes: Record<string, unknown>): Record<string, unknown> {
  return {
    ...changes,
    speaks_for_group: true,
    contact: { name: 'Marta Ruiz', email: 'marta.ruiz@example.net', role: 'Secretaria de comunicación', message: 'La web cambió en 2025.' },
    consent: true,
  };
}

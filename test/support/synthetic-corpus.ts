/**
 * Seeded synthetic directories for benchmarks and property tests: realistic multilingual names,
 * summaries and purposes over the real taxonomies, the same every run for the same seed.
 */
import { PROJECT_ROOT } from './project-root.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../src/content/front-matter.ts';
import type { ValidContent } from '../../src/content/validate-content.ts';
import { entrySchema, GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES, type Entry } from '../../src/schema/entry.ts';
import type { ContentLocale } from '../../src/schema/locales.ts';
import { taxonomyTermSchema, type TaxonomyTerm } from '../../src/schema/taxonomy.ts';

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES: Record<string, { pattern: string[]; sectors: string[]; places: string[] }> = {
  es: {
    pattern: ['Sindicato de {s} de {p}', 'Confederación {a} del Trabajo', 'Coordinadora de {s} en Lucha', 'Federación de {s} de {p}'],
    sectors: ['Trabajadores', 'Docentes', 'Sanitarios', 'Ferroviarios', 'Limpiadoras', 'Repartidores'],
    places: ['Madrid', 'Sevilla', 'Córdoba', 'Bogotá', 'Montevideo', 'Asunción', 'Valparaíso'],
  },
  fr: {
    pattern: ['Syndicat des {s} de {p}', 'Union syndicale {a}', 'Collectif des {s} précaires de {p}', 'Fédération {a} des {s}'],
    sectors: ['cheminots', 'enseignants', 'soignantes', 'postiers', 'livreurs', 'nettoyeuses'],
    places: ['Lyon', 'Marseille', 'Dijon', 'Québec', 'Dakar', 'Liège', 'Genève'],
  },
  it: {
    pattern: ['Sindacato di base dei {s} di {p}', 'Confederazione {a} di Base', 'Coordinamento {s} in lotta di {p}'],
    sectors: ['lavoratori', 'ferrovieri', 'insegnanti', 'facchini', 'precari'],
    places: ['Milano', 'Napoli', 'Torino', 'Cagliari', 'Varese'],
  },
  pt: {
    pattern: ['Sindicato dos {s} de {p}', 'Central {a} dos Trabalhadores', 'Coletivo de {s} de {p}'],
    sectors: ['Trabalhadores', 'Professores', 'Metroviários', 'Bancários', 'Entregadores'],
    places: ['São Paulo', 'Natal', 'Lisboa', 'Porto', 'Belém', 'Maputo'],
  },
  en: {
    pattern: ['{p} {s} Union', 'Independent {s} Workers of {p}', '{a} Workers Solidarity Network'],
    sectors: ['Transit', 'Teachers', 'Nurses', 'Couriers', 'Dockers', 'Cleaners'],
    places: ['London', 'Glasgow', 'Chicago', 'Lagos', 'Manila', 'Dublin'],
  },
  de: {
    pattern: ['Basisgewerkschaft {s} {p}', 'Freie {a} Arbeiter*innen-Union', 'Netzwerk {s} {p}'],
    sectors: ['Pflege', 'Logistik', 'Bildung', 'Bahn'],
    places: ['Berlin', 'Hamburg', 'Leipzig', 'Wien', 'Zürich'],
  },
};
const ADJ: Record<string, string[]> = {
  es: ['General', 'Solidaria', 'Autónoma', 'Unitaria'],
  fr: ['Solidaires', 'autonome', 'unitaire', 'démocratique'],
  it: ['Unitaria', 'Autonoma', 'Solidale'],
  pt: ['Popular', 'Sindical', 'Autônoma'],
  en: ['Independent', 'Rank-and-file', 'Grassroots'],
  de: ['Unabhängige', 'Solidarische', 'Demokratische'],
};
const PHRASES: Record<ContentLocale, string[]> = {
  en: [
    'We organise workers',
    'against precarious contracts',
    'for public services',
    'with migrant workers',
    'through democratic assemblies',
    'and international solidarity',
    'defending union freedoms',
    'for a just ecological transition',
    'against repression of strikers',
    'building unity in struggle',
  ],
  fr: [
    'Nous organisons les travailleuses et travailleurs',
    'contre la précarité',
    'pour les services publics',
    'avec les travailleurs sans papiers',
    'par des assemblées démocratiques',
    'et la solidarité internationale',
    'pour la défense des libertés syndicales',
    'pour une transition écologique juste',
  ],
  es: [
    'Organizamos a las trabajadoras',
    'contra la precariedad',
    'por los servicios públicos',
    'con los trabajadores migrantes',
    'mediante asambleas democráticas',
    'y la solidaridad internacional',
    'en defensa de la libertad sindical',
    'por la autogestión',
  ],
  pt: [
    'Organizamos os trabalhadores',
    'contra a precarização',
    'pelos serviços públicos',
    'com os trabalhadores migrantes',
    'em assembleias democráticas',
    'e a solidariedade internacional',
    'em defesa da liberdade sindical',
  ],
  it: [
    'Organizziamo lavoratrici e lavoratori',
    'contro la precarietà',
    'per i servizi pubblici',
    'con i lavoratori migranti',
    'attraverso assemblee democratiche',
    'e la solidarietà internazionale',
    'per la libertà sindacale',
  ],
  de: [
    'Wir organisieren Beschäftigte',
    'gegen prekäre Arbeit',
    'für öffentliche Daseinsvorsorge',
    'mit migrantischen Kolleg*innen',
    'in demokratischen Versammlungen',
    'und internationaler Solidarität',
  ],
};
const COUNTRIES: Record<string, string[]> = {
  es: ['ES', 'CO', 'UY', 'PY', 'CL', 'AR', 'MX'],
  fr: ['FR', 'BE', 'CH', 'SN', 'CA'],
  it: ['IT'],
  pt: ['BR', 'PT', 'MZ'],
  en: ['GB', 'US', 'NG', 'PH', 'IE'],
  de: ['DE', 'AT', 'CH'],
};

function loadTerms(root: string, folder: string): TaxonomyTerm[] {
  const dir = join(root, 'content', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => taxonomyTermSchema.parse(parseYaml(readFileSync(join(dir, f), 'utf8'))));
}

export function syntheticContent(count: number, seed = 42, root = PROJECT_ROOT): ValidContent {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
  const subjects = loadTerms(root, 'subjects');
  const sectors = loadTerms(root, 'sectors');
  const langs = Object.keys(NAMES);
  const slugs = new Set<string>();
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const lang = pick(langs) as ContentLocale;
    const spec = NAMES[lang]!;
    const name = pick(spec.pattern).replace('{s}', pick(spec.sectors)).replace('{p}', pick(spec.places)).replace('{a}', pick(ADJ[lang]!));
    const sentence = (l: ContentLocale) => `${some(PHRASES[l], 4).join(' ')}.`;
    const textLangs = [...new Set([lang, ...(random() < 0.4 ? [pick(['en', 'fr', 'es'] as ContentLocale[])] : [])])];
    const summary = Object.fromEntries(textLangs.map((l) => [l, sentence(l).slice(0, 300)]));
    const purpose = random() < 0.7 ? Object.fromEntries(textLangs.map((l) => [l, Array.from({ length: 3 }, () => sentence(l)).join('\n\n')])) : undefined;
    let slug = `g-${i.toString(36)}-${lang}`;
    while (slugs.has(slug)) slug += 'x';
    slugs.add(slug);
    const year = 2015 + Math.floor(random() * 12);
    const updated = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    entries.push(
      entrySchema.parse({
        slug,
        name,
        summary,
        ...(purpose ? { purpose } : {}),
        geographic_scope: pick(GEOGRAPHIC_SCOPES),
        countries: some(COUNTRIES[lang]!, 2),
        subjects: some(
          subjects.map((s) => s.slug),
          4,
        ),
        ...(random() < 0.6
          ? {
              sectors: some(
                sectors.map((s) => s.slug),
                2,
              ),
            }
          : {}),
        languages: textLangs,
        structure: pick(STRUCTURES),
        network_relation: pick(NETWORK_RELATIONS),
        ...(random() < 0.5 ? { website: `https://${slug}.example.org/` } : {}),
        created: '2015-01-01',
        updated,
      }),
    );
  }
  return { entries, taxonomies: { subjects, sectors } };
}

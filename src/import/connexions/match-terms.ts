/**
 * Connexions words → our vocabularies: subject headings onto the taxonomy terms in content/,
 * scope and structure onto the schema's enums, language names onto ISO 639-1 codes. Every
 * comparison goes through the same folding as search (`nameKey`: case, accents and punctuation
 * ignored, and "&" or "and" as good as a comma), and every vocabulary is read from where it is defined — the
 * taxonomy files, the schema's label tables, the platform's language names — never copied here.
 */
import { nameKey } from '../../text/normalise-text.ts';
import { allLanguageCodes, canonicalLanguageCode, languageName } from '../../schema/codes.ts';
import { CONTENT_LOCALES, type ContentLocale } from '../../schema/locales.ts';
import type { TaxonomyName, TaxonomyTerm } from '../../schema/taxonomy.ts';

/** "Arts, Media & Culture", "Arts, media and culture" and "Arts, Media, Culture" are one key. */
export function matchKey(text: string): string {
  return nameKey(text)
    .split(' ')
    .filter((word) => word !== 'and')
    .join(' ');
}

export interface TermMatch {
  taxonomy: TaxonomyName;
  slug: string;
  /** A label of the term, or the Connexions issue area its description names. */
  via: 'label' | 'issue area';
  /** Other terms the same issue area stands for; the first by taxonomy order was taken. */
  others: string[];
}

const ISSUE_AREA = /^Connexions issue areas?:\s*(.+)$/i;

/**
 * Labels in every language come first, subjects before sectors; then the Connexions issue areas
 * named in the terms' descriptions ("Connexions issue area: Economy, Poverty, Work"). `terms`
 * must be in taxonomy order (as validateContent returns them), which decides between several
 * terms sharing one issue area.
 */
export function createHeadingMatcher(taxonomies: Record<TaxonomyName, TaxonomyTerm[]>): (heading: string) => TermMatch | undefined {
  const passes: { via: TermMatch['via']; index: Map<string, { taxonomy: TaxonomyName; slug: string }[]> }[] = [];
  for (const via of ['label', 'issue area'] as const) {
    for (const taxonomy of ['subjects', 'sectors'] as const) {
      const index = new Map<string, { taxonomy: TaxonomyName; slug: string }[]>();
      for (const term of taxonomies[taxonomy]) {
        const names = via === 'label' ? Object.values(term.label) : [ISSUE_AREA.exec(term.description ?? '')?.[1]];
        for (const key of new Set(names.filter((n): n is string => n !== undefined).map(matchKey))) {
          index.set(key, [...(index.get(key) ?? []), { taxonomy, slug: term.slug }]);
        }
      }
      passes.push({ via, index });
    }
  }
  return (heading) => {
    const key = matchKey(heading);
    for (const { via, index } of passes) {
      const [first, ...rest] = index.get(key) ?? [];
      if (first) return { ...first, via, others: rest.map((t) => t.slug) };
    }
    return undefined;
  };
}

/**
 * Subject-heading lines → matched terms and unknown headings. A line may hold several headings
 * separated by ";" or ",", but the issue areas themselves contain commas ("Arts, Media,
 * Culture"), so the longest run of comma-separated pieces that names a term wins.
 */
export function readHeadings(
  lines: readonly string[],
  match: (heading: string) => TermMatch | undefined,
): { found: (TermMatch & { heading: string })[]; unknown: string[] } {
  const found: (TermMatch & { heading: string })[] = [];
  const unknown: string[] = [];
  for (const chunk of lines.flatMap((l) => l.split(';'))) {
    const pieces = chunk
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    let i = 0;
    next: while (i < pieces.length) {
      for (let j = pieces.length; j > i; j--) {
        const heading = pieces.slice(i, j).join(', ');
        const m = match(heading);
        if (m) {
          found.push({ ...m, heading });
          i = j;
          continue next;
        }
      }
      unknown.push(pieces[i]!);
      i++;
    }
  }
  return { found, unknown };
}

type Labels<K extends string> = Record<K, Partial<Record<ContentLocale, string>>>;

/**
 * A value → the enum keys whose label (in any language) it is, or, failing that, whose label it
 * contains as a whole word ("Trade Union" → union). Several keys mean the value is ambiguous.
 */
export function createEnumMatcher<K extends string>(labels: Labels<K>): (value: string) => { keys: K[]; exact: boolean } {
  const byKey = (Object.keys(labels) as K[]).map((k) => ({ key: k, labels: new Set([k, ...Object.values(labels[k])].map((l) => matchKey(String(l)))) }));
  return (value) => {
    const key = matchKey(value);
    const exact = byKey.filter((k) => k.labels.has(key)).map((k) => k.key);
    if (exact.length > 0) return { keys: exact, exact: true };
    const words = ` ${key} `;
    return { keys: byKey.filter((k) => [...k.labels].some((l) => words.includes(` ${l} `))).map((k) => k.key), exact: false };
  };
}

/**
 * Names people give languages that CLDR files under another name, so `Intl.DisplayNames` cannot
 * find them: Farsi is CLDR's Persian, Castilian its Spanish, Moldovan its Romanian.
 */
const LANGUAGE_ALIASES: Record<string, string> = {
  farsi: 'fa',
  castilian: 'es',
  castellano: 'es',
  moldovan: 'ro',
  moldavian: 'ro',
  flemish: 'nl',
  'serbo croatian': 'sr',
  'filipino tagalog': 'tl',
};

/**
 * A language name in any of the directory's languages or in the language itself ("French",
 * "français", "Französisch"), a common name CLDR does not use ("Farsi"), or an ISO 639-1 code
 * (deprecated ones read as their current form: "mo" → "ro") → the current code. Names come from
 * the platform's CLDR data (`Intl.DisplayNames`, through codes.ts), for current codes only, so
 * "Romanian" is "ro", never the deprecated "mo". A qualifier in brackets is ignored
 * ("Portuguese (Brazil)").
 */
export function createLanguageMatcher(): (name: string) => string | undefined {
  const index = new Map<string, string>();
  const codes = allLanguageCodes();
  for (const code of codes) index.set(code, code);
  for (const locale of [...CONTENT_LOCALES, undefined]) {
    for (const code of codes) {
      const key = matchKey(languageName(code, locale ?? code));
      if (!index.has(key)) index.set(key, code);
    }
  }
  for (const [alias, code] of Object.entries(LANGUAGE_ALIASES)) if (!index.has(alias)) index.set(alias, code);
  return (name) => {
    const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    const key = matchKey(bare);
    return index.get(key) ?? (/^[a-z]{2}$/i.test(bare) ? canonicalLanguageCode(bare.toLowerCase()) : undefined);
  };
}

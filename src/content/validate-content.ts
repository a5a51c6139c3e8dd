/**
 * Validates raw content against the schema and the taxonomies, collecting every problem in every
 * file before reporting: `content/groups/x.md → countries[1]: "XX" is not an ISO 3166-1 alpha-2 country code`.
 */
import { GROUPS, termFilePath } from '../schema/collections.ts';
import type { z } from 'zod';
import { entrySchema, type Entry } from '../schema/entry.ts';
import { parseOptions } from '../schema/messages.ts';
import { taxonomyTermSchema, TAXONOMIES, type TaxonomyName, type TaxonomyTerm } from '../schema/taxonomy.ts';
import { decodeEntryFile } from './entry-file.ts';
import { FrontMatterError, parseFrontMatter, parseYaml } from './front-matter.ts';
import type { ContentFile, RawContent } from './load-content.ts';

export interface ContentProblem {
  file: string;
  /** Dotted path with [i] for list positions, or '' for the whole file. */
  field: string;
  message: string;
}

export interface ValidContent {
  entries: Entry[];
  taxonomies: Record<TaxonomyName, TaxonomyTerm[]>;
}

export type ValidationResult = { ok: true; content: ValidContent } | { ok: false; problems: ContentProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatProblem(p: ContentProblem): string {
  return p.field ? `${p.file} → ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, field: formatPath([...issue.path, key]), message: 'unknown field; check its spelling or remove it' }))
      : [{ file, field: formatPath(issue.path), message: issue.message }],
  );
}

function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|ya?ml)$/, '');
}

interface SlugClaim {
  slug: string;
  file: string;
  /** The file is named after the slug. */
  named: boolean;
}

/**
 * Files sharing a slug: the one named after it owns it — the others were copied, renamed or
 * edited, and are the ones to fix — or, if none or several are, the first. Each other file is
 * named as using the owner's slug.
 */
function duplicateSlugs(claims: readonly SlugClaim[]): ContentProblem[] {
  const owners = new Map<string, string>();
  for (const c of [...claims].sort((a, b) => Number(b.named) - Number(a.named))) if (!owners.has(c.slug)) owners.set(c.slug, c.file);
  return claims
    .filter((c) => owners.get(c.slug) !== c.file)
    .map((c) => ({ file: c.file, field: 'slug', message: `"${c.slug}" is already used by ${owners.get(c.slug)}` }));
}

function validateTerms(files: ContentFile[], problems: ContentProblem[]): TaxonomyTerm[] {
  const terms: TaxonomyTerm[] = [];
  const claims: SlugClaim[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(file.text);
    } catch (error) {
      problems.push({ file: file.path, field: '', message: (error as Error).message });
      continue;
    }
    const parsed = taxonomyTermSchema.safeParse(data, parseOptions);
    if (!parsed.success) {
      problems.push(...zodProblems(file.path, parsed.error));
      continue;
    }
    const term = parsed.data;
    const named = term.slug === baseName(file.path);
    if (!named) {
      problems.push({
        file: file.path,
        field: 'slug',
        message: `"${term.slug}" does not match the file name; rename the file to ${term.slug}.yml or change the slug`,
      });
    }
    claims.push({ slug: term.slug, file: file.path, named });
    terms.push(term);
  }
  problems.push(...duplicateSlugs(claims));
  return terms.sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.slug.localeCompare(b.slug));
}

export function validateContent(raw: RawContent): ValidationResult {
  const problems: ContentProblem[] = [];
  const taxonomies = Object.fromEntries(TAXONOMIES.map((name) => [name, validateTerms(raw.taxonomies[name], problems)])) as Record<
    TaxonomyName,
    TaxonomyTerm[]
  >;
  const known = Object.fromEntries(TAXONOMIES.map((name) => [name, new Set(taxonomies[name].map((t) => t.slug))])) as Record<TaxonomyName, Set<string>>;

  const entries: Entry[] = [];
  const claims: SlugClaim[] = [];
  for (const file of raw.groups) {
    let front;
    try {
      front = parseFrontMatter(file.text);
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      problems.push({ file: file.path, field: '', message: error.message });
      continue;
    }
    const decoded = decodeEntryFile(front.data, front.body);
    problems.push(...decoded.problems.map((p) => ({ file: file.path, field: formatPath(p.path), message: p.message })));
    const parsed = entrySchema.safeParse(decoded.value, parseOptions);
    if (!parsed.success) {
      problems.push(...zodProblems(file.path, parsed.error));
      continue;
    }
    const entry = parsed.data;
    const expected = baseName(file.path);
    if (entry.slug !== expected) {
      problems.push({
        file: file.path,
        field: 'slug',
        message: `"${entry.slug}" does not match the file name; rename the file to ${entry.slug}.md or change the slug to "${expected}"`,
      });
    }
    claims.push({ slug: entry.slug, file: file.path, named: entry.slug === expected });
    for (const taxonomy of TAXONOMIES) {
      entry[taxonomy]?.forEach((slug, i) => {
        if (!known[taxonomy].has(slug)) {
          problems.push({
            file: file.path,
            field: `${taxonomy}[${i}]`,
            message: `"${slug}" is not a known ${taxonomy === 'subjects' ? 'subject heading' : 'sector'}; add ${termFilePath(taxonomy, slug)} or pick an existing one`,
          });
        }
      });
    }
    entries.push(entry);
  }
  problems.push(...duplicateSlugs(claims));
  if (raw.groups.length === 0) problems.push({ file: GROUPS.folder, field: '', message: 'no group files found' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content: { entries, taxonomies } };
}

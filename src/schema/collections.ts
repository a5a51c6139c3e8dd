/**
 * The content collections, declared once (as Astro's content collections are): where each lives,
 * how its files are written, and the schema that checks them. The content build reads the folders
 * from here, the CMS configuration takes folder, extension and format from here, the join and the
 * importer write entry files where this says, and the delivery names Decap branches after it.
 */
import type * as z from 'zod';
import { entrySchema } from './entry.ts';
import { TAXONOMIES, taxonomyTermSchema, type TaxonomyName } from './taxonomy.ts';

export interface Collection {
  /** Decap's collection name: also the middle of its branch names, `cms/<name>/<slug>`. */
  name: string;
  /** Folder relative to the repository root. */
  folder: string;
  /** File extension the CMS writes; the build also reads `readExtensions`. */
  extension: string;
  readExtensions: readonly string[];
  /** Decap's `format`: front matter with one block per language for groups, plain YAML for terms. */
  format: 'frontmatter' | 'yml';
  schema: z.ZodType;
}

export const GROUPS: Collection = {
  name: 'groups',
  folder: 'content/groups',
  extension: 'md',
  readExtensions: ['.md'],
  format: 'frontmatter',
  schema: entrySchema,
};

const termCollection = (name: TaxonomyName): Collection => ({
  name,
  folder: `content/${name}`,
  extension: 'yml',
  readExtensions: ['.yml', '.yaml'],
  format: 'yml',
  schema: taxonomyTermSchema,
});

export const TAXONOMY_COLLECTIONS = Object.fromEntries(TAXONOMIES.map((name) => [name, termCollection(name)])) as Record<TaxonomyName, Collection>;

export const COLLECTIONS: readonly Collection[] = [GROUPS, ...TAXONOMIES.map((t) => TAXONOMY_COLLECTIONS[t])];

/** Where a group's file lives: `content/groups/<slug>.md`. */
export function entryFilePath(slug: string): string {
  return `${GROUPS.folder}/${slug}.${GROUPS.extension}`;
}

/** Where a term's file lives: `content/subjects/<slug>.yml`. */
export function termFilePath(taxonomy: TaxonomyName, slug: string): string {
  const c = TAXONOMY_COLLECTIONS[taxonomy];
  return `${c.folder}/${slug}.${c.extension}`;
}

/**
 * Reads the content folder: every group file and every taxonomy term, as raw text with its path.
 * Only I/O lives here; validation and indexing are pure and take what this returns.
 */
import { GROUPS, TAXONOMY_COLLECTIONS } from '../schema/collections.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TAXONOMIES, type TaxonomyName } from '../schema/taxonomy.ts';

export interface ContentFile {
  /** Path relative to the project root, with forward slashes, as shown in messages. */
  path: string;
  text: string;
}

export interface RawContent {
  groups: ContentFile[];
  taxonomies: Record<TaxonomyName, ContentFile[]>;
}

async function readFolder(root: string, folder: string, extensions: readonly string[]): Promise<ContentFile[]> {
  const dir = join(root, folder);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((n) => !n.startsWith('.') && extensions.some((e) => n.endsWith(e))).sort();
  return Promise.all(
    files.map(async (name) => ({
      path: relative(root, join(dir, name)).split('\\').join('/'),
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

/** `root` is the project folder that holds `content/`. */
export async function loadContent(root: string): Promise<RawContent> {
  const [groups, ...terms] = await Promise.all([
    readFolder(root, GROUPS.folder, GROUPS.readExtensions),
    ...TAXONOMIES.map((t) => readFolder(root, TAXONOMY_COLLECTIONS[t].folder, TAXONOMY_COLLECTIONS[t].readExtensions)),
  ]);
  const taxonomies = Object.fromEntries(TAXONOMIES.map((t, i) => [t, terms[i] ?? []])) as Record<TaxonomyName, ContentFile[]>;
  return { groups: groups ?? [], taxonomies };
}

/** The network this directory is about, which is itself one of its entries. */
import type { NetworkRelation } from '../schema/entry.ts';
import type { Directory } from './directory.ts';

/**
 * The network this directory is about is itself an entry of the directory; its slug is the one
 * fact the pages need to say `memberOf` in JSON-LD and Murmurations `relationships`.
 */
export const NETWORK_SLUG = 'ilnss';

/** Relations the sources state as membership of the network; a delegation at a meeting is not one. */
export const MEMBER_RELATIONS: ReadonlySet<NetworkRelation> = new Set(['founding_member', 'member']);

export interface NetworkRef {
  slug: string;
  name: string;
  /** The network's own website, when the entry gives one. */
  website?: string;
}

export function resolveNetwork(dir: Directory, slug = NETWORK_SLUG): NetworkRef | undefined {
  const doc = dir.findSlug(slug);
  if (doc < 0) return undefined;
  const e = dir.entry(doc);
  return { slug: e.slug, name: e.name, ...(e.website ? { website: e.website } : {}) };
}

/**
 * A loaded directory: the artefact plus the few derived arrays every query uses (O(n) and done
 * once per process, no indexing). Created by the function module at import; passed to the pure
 * query functions as their "content index".
 */
import type { Artefact } from './artefact.ts';

export interface Directory {
  artefact: Artefact;
  size: number;
  /** Position of each doc in name order. */
  nameRank: Int32Array;
  /** Position of each doc in `updated` order. */
  updatedRank: Int32Array;
  /** Doc id of a slug (entries are sorted by slug), or -1. */
  findSlug(slug: string): number;
}

function ranks(order: readonly number[]): Int32Array {
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  return rank;
}

export function createDirectory(artefact: Artefact): Directory {
  const entries = artefact.entries;
  return {
    artefact,
    size: entries.length,
    nameRank: ranks(artefact.index.byName),
    updatedRank: ranks(artefact.index.byUpdated),
    findSlug(slug) {
      let lo = 0;
      let hi = entries.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const s = entries[mid]!.slug;
        if (s === slug) return mid;
        if (s < slug) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}

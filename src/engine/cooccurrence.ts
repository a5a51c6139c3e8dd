/**
 * How many docs have value a of one facet and value b of another, for every pair of values: the
 * facet counts of the most common filtered page (one value chosen, say one country) without
 * touching a single doc. One small table per pair of facets (values × values ints), built on
 * first use from the two facets' rows in one pass over the docs.
 */
/** What the table needs of a facet (query-index.ts's FacetIndex has it): its values, and each doc's value slots. */
export interface FacetRows {
  values: string[];
  rows(): { offsets: Int32Array; ids: Int32Array };
}

/** counts[a × b.values.length + b]: docs holding value slot a of `first` and b of `second`. */
export function cooccurrence(n: number, first: FacetRows, second: FacetRows): Int32Array {
  const a = first.rows();
  const b = second.rows();
  const width = second.values.length;
  const counts = new Int32Array(first.values.length * width);
  for (let rank = 0; rank < n; rank++) {
    for (let i = a.offsets[rank]!, iEnd = a.offsets[rank + 1]!; i < iEnd; i++) {
      const row = a.ids[i]! * width;
      for (let j = b.offsets[rank]!, jEnd = b.offsets[rank + 1]!; j < jEnd; j++) counts[row + b.ids[j]!]!++;
    }
  }
  return counts;
}

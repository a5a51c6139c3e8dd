/**
 * The engines the benchmark compares, behind one signature (validated query → page of doc ids,
 * total, facet counts), and the check that they all give the same answers: a fast engine that
 * answers differently is no result.
 */
import type { Artefact, FacetName } from '../src/engine/artefact.ts';
import type { Directory } from '../src/engine/directory.ts';
import { runQuery } from '../src/engine/run-query.ts';
import type { GroupsQuery } from '../src/schema/query.ts';
import { createFilterLayer, type EngineResult } from './peers/filter-layer.ts';
import type { PeerText } from './peers/text-engines.ts';

export interface BenchEngine {
  name: string;
  run(query: GroupsQuery): EngineResult;
}

export function ourEngine(dir: Directory): BenchEngine {
  return {
    name: 'ours',
    run(query) {
      const outcome = runQuery(dir, query);
      if (!outcome.ok) throw new Error(`our engine rejected ${JSON.stringify(query)}: ${JSON.stringify(outcome.fields)}`);
      return outcome.result;
    },
  };
}

/** A peer library with the shared filter layer, its index built in this process. */
export function peerEngine(peer: PeerText, artefact: Artefact): BenchEngine {
  const { searcher } = peer.build(artefact.entries, artefact.taxonomies.subjects);
  return { name: peer.name, run: createFilterLayer(artefact, searcher) };
}

const facetText = (facets: EngineResult['facets'], f: FacetName) => JSON.stringify([...(facets?.[f] ?? new Map()).entries()].sort());

/**
 * Every way the engines' answers to `queries` differ: totals, facet counts, and the page itself
 * wherever the order is fully defined (name and date sorts; relevance is each engine's own).
 */
export function disagreements(engines: BenchEngine[], queries: GroupsQuery[], limit = 10): string[] {
  const problems: string[] = [];
  for (const query of queries) {
    const [first, ...others] = engines.map((e) => ({ name: e.name, r: e.run(query) }));
    const ordered = !(query.q && (query.sort ?? 'relevance') === 'relevance');
    for (const other of others) {
      const where = `${other.name} vs ${first!.name} on ${JSON.stringify(query)}`;
      if (other.r.total !== first!.r.total) problems.push(`${where}: total ${other.r.total} ≠ ${first!.r.total}`);
      for (const f of new Set(query.facets ?? [])) {
        if (facetText(other.r.facets, f) !== facetText(first!.r.facets, f)) problems.push(`${where}: facet ${f} differs`);
      }
      if (ordered && other.r.page.join() !== first!.r.page.join()) problems.push(`${where}: page differs`);
      if (!ordered && other.r.page.length !== first!.r.page.length) problems.push(`${where}: page length ${other.r.page.length} ≠ ${first!.r.page.length}`);
    }
    if (problems.length >= limit) break;
  }
  return problems;
}

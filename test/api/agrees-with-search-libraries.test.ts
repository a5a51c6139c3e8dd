/**
 * The benchmark compares our engine with MiniSearch and FlexSearch only if all three give the
 * same answers. This runs the benchmark's own check at a small size: the fixed mix and seeded
 * random queries, totals, facet counts and every page whose order is defined.
 */
import { describe, expect, it } from 'vitest';
import { disagreements, ourEngine, peerEngine } from '../../bench/engines.ts';
import { MIX } from '../../bench/mix.ts';
import { PEERS } from '../../bench/peers/text-engines.ts';
import { classesOf, QUERY_CLASSES, randomQueries } from '../../bench/random-queries.ts';
import { syntheticContent } from '../support/synthetic-corpus.ts';
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { createDirectory } from '../../src/engine/directory.ts';

const artefact = buildArtefact(syntheticContent(600, 11), (md) => md);
const engines = [ourEngine(createDirectory(artefact)), ...PEERS.map((peer) => peerEngine(peer, artefact))];
const queries = [...MIX, ...randomQueries(artefact, 300, 5)];

describe('our engine, MiniSearch and FlexSearch behind the shared filter layer', () => {
  it('give the same totals, facet counts and ordered pages for the mix and random queries', () => {
    expect(disagreements(engines, queries, 20)).toEqual([]);
  });

  it('are compared on queries of every class, most of them with results', () => {
    for (const c of QUERY_CLASSES) expect(queries.filter((q) => classesOf(q).includes(c)).length, c).toBeGreaterThan(20);
    const found = queries.filter((q) => engines[0]!.run(q).total > 0).length;
    expect(found).toBeGreaterThan(queries.length / 2);
  });

  it('notices an engine that answers differently', () => {
    const wrong = { name: 'off-by-one', run: (q: (typeof queries)[number]) => ({ ...engines[0]!.run(q), total: engines[0]!.run(q).total + 1 }) };
    expect(disagreements([engines[0]!, wrong], MIX.slice(0, 2))).toHaveLength(2);
  });
});

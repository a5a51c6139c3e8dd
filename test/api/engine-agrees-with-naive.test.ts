/**
 * Property test: over a seeded synthetic directory, the indexed engine gives exactly what the
 * naive scan-everything implementation gives — totals, pages (in every order, relevance included),
 * facet counts — for random queries.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naiveQuery } from '../support/naive-query.ts';
import { syntheticContent } from '../support/synthetic-corpus.ts';
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { runQuery } from '../../src/engine/run-query.ts';
import { GEOGRAPHIC_SCOPES, NETWORK_RELATIONS, STRUCTURES } from '../../src/schema/entry.ts';
import { FACET_NAMES, groupsQuerySchema } from '../../src/schema/query.ts';

const content = syntheticContent(400, 7);
const dir = createDirectory(buildArtefact(content, (md) => md));
const entries = dir.artefact.entries;
const countries = [...new Set(entries.flatMap((e) => e.countries ?? []))];
const words = [
  'sindicato',
  'union',
  'solidarit',
  'precari',
  'migrant',
  'lyon',
  'confederación',
  'démocratiques',
  'trab',
  'x',
  's',
  'co',
  'precariedad servicios',
  'union s',
  'trabajadores de',
  'international solidarity',
];

const queryArb = fc.record(
  {
    q: fc.constantFrom(...words),
    country: fc.subarray(countries, { minLength: 1, maxLength: 3 }),
    scope: fc.subarray([...GEOGRAPHIC_SCOPES], { minLength: 1 }),
    subject: fc.subarray(
      content.taxonomies.subjects.map((s) => s.slug),
      { minLength: 1, maxLength: 3 },
    ),
    subject_mode: fc.constantFrom('any', 'all'),
    sector: fc.subarray(
      content.taxonomies.sectors.map((s) => s.slug),
      { minLength: 1, maxLength: 2 },
    ),
    relation: fc.subarray([...NETWORK_RELATIONS], { minLength: 1 }),
    structure: fc.subarray([...STRUCTURES], { minLength: 1, maxLength: 3 }),
    updated_since: fc.constantFrom('2016-01-01', '2020-06-15', '2026-01-01'),
    sort: fc.constantFrom('relevance', 'name', '-name', 'updated', '-updated'),
    page: fc.integer({ min: 1, max: 5 }).map(String),
    per_page: fc.integer({ min: 1, max: 100 }).map(String),
    facets: fc.subarray([...FACET_NAMES], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

describe('the engine agrees with the naive implementation', () => {
  it('on totals, pages and facet counts for random queries', () => {
    fc.assert(
      fc.property(queryArb, (raw) => {
        const query = groupsQuerySchema.parse(raw);
        const engine = runQuery(dir, query);
        if (!engine.ok) throw new Error(JSON.stringify(engine.fields));
        const naive = naiveQuery(entries, content.taxonomies.subjects, query);
        expect(engine.result.total).toBe(naive.total);
        expect(engine.result.page.map((d) => entries[d]!.slug)).toEqual(naive.page.map((e) => e.slug));
        for (const f of query.facets ?? []) {
          expect(Object.fromEntries(engine.result.facets![f]!), f).toEqual(Object.fromEntries(naive.facets[f]!));
        }
      }),
      { seed: 20261127, numRuns: 80 },
    );
  });

  it('ranks search results exactly as the definition of relevance does', () => {
    const searchArb = fc.record(
      {
        q: fc.oneof(
          fc.constantFrom(...words),
          fc.constantFrom(...dir.artefact.index.terms).chain((t) => fc.integer({ min: 1, max: t.length }).map((k) => t.slice(0, k))),
        ),
        country: fc.subarray(countries, { minLength: 1, maxLength: 2 }),
        page: fc.integer({ min: 1, max: 4 }).map(String),
        per_page: fc.integer({ min: 1, max: 100 }).map(String),
      },
      { requiredKeys: ['q'] },
    );
    let nonEmpty = 0;
    fc.assert(
      fc.property(searchArb, (raw) => {
        const query = groupsQuerySchema.parse(raw);
        const engine = runQuery(dir, query);
        if (!engine.ok) throw new Error(JSON.stringify(engine.fields));
        const naive = naiveQuery(entries, content.taxonomies.subjects, query);
        expect(engine.result.total).toBe(naive.total);
        expect(engine.result.page.map((d) => entries[d]!.slug)).toEqual(naive.page.map((e) => e.slug));
        if (naive.page.length > 1) nonEmpty++;
      }),
      { seed: 7, numRuns: 100 },
    );
    expect(nonEmpty).toBeGreaterThan(30); // the check compared real rankings, not empty pages
  });

  it('pages partition the result set and facet counts add up to the filtered totals', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 1, max: 40 }), (raw, perPage) => {
        const query = groupsQuerySchema.parse({ ...raw, page: '1', per_page: String(perPage) });
        const first = runQuery(dir, query);
        if (!first.ok) throw new Error('invalid');
        const total = first.result.total;
        const seen: number[] = [];
        for (let p = 1; p <= Math.ceil(total / perPage) + 1; p++) {
          const r = runQuery(dir, { ...query, page: p });
          if (!r.ok) throw new Error('invalid');
          seen.push(...r.result.page);
        }
        expect(seen.length).toBe(total);
        expect(new Set(seen).size).toBe(total);
        // single-valued facets without their own filter sum to the total
        for (const f of ['relation', 'scope', 'structure'] as const) {
          if ((query[f] ?? []).length > 0) continue;
          const counts = first.result.facets?.[f];
          if (!counts) continue;
          const withValue = [...counts.values()].reduce((a, b) => a + b, 0);
          expect(withValue).toBeLessThanOrEqual(total);
          if (f === 'relation') expect(withValue).toBe(total);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

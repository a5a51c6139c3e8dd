/**
 * The two peer libraries as text searchers for the shared filter layer, configured to find exactly
 * what our engine finds: our own tokenizer (folded, accent-free words), every word required, the
 * last one also as a prefix, no fuzzy matching. Each can be built from the entries or loaded from
 * its own serialised index (the libraries' documented fast-start paths), so a cold start can use
 * whichever is faster for it.
 *
 * MiniSearch: https://lucaong.github.io/minisearch/classes/MiniSearch.MiniSearch.html (`search`
 *   options `combineWith`, `prefix` as a function of the term's position, `boost` per field;
 *   `toJSON` / `MiniSearch.loadJSON`).
 * FlexSearch 0.8: https://github.com/nextapps-de/flexsearch (an `Index` with a custom `encode`
 *   function; `tokenize: "forward"` indexes every prefix, `"strict"` whole words; `Resolver`
 *   intersects results across indexes; `export` / `import`).
 */
import MiniSearch from 'minisearch';
import { Index, Resolver } from 'flexsearch';
import { FIELD_WEIGHTS, searchableFields } from '../../src/content/build-artefact.ts';
import { tokenize } from '../../src/text/normalise-text.ts';
import type { ArtefactEntry } from '../../src/engine/artefact.ts';
import type { TaxonomyTerm } from '../../src/schema/taxonomy.ts';
import type { TextSearcher } from './filter-layer.ts';

type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

export interface PeerText {
  name: string;
  /** Indexes the entries (with their purpose texts) in this process. */
  build(entries: ArtefactEntry[], subjects: TaxonomyTerm[]): { searcher: TextSearcher; serialise(): string };
  /** Loads an index `serialise()` wrote. */
  load(serialised: string, size: number): TextSearcher;
}

const fieldTexts = (entries: ArtefactEntry[], subjects: TaxonomyTerm[]) => {
  const bySlug = new Map(subjects.map((t) => [t.slug, t]));
  return entries.map((e) => searchableFields(e, bySlug));
};

const miniOptions = {
  fields: FIELDS,
  storeFields: [],
  tokenize,
  processTerm: (term: string) => term, // already folded by `tokenize`
  searchOptions: {
    combineWith: 'AND' as const,
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    fuzzy: false,
    boost: { ...FIELD_WEIGHTS },
  },
};

function miniSearcher(index: MiniSearch): TextSearcher {
  return { search: (words) => index.search(words.join(' ')).map((r) => r.id as number) };
}

export const miniSearchText: PeerText = {
  name: 'minisearch',
  build(entries, subjects) {
    const index = new MiniSearch(miniOptions);
    index.addAll(fieldTexts(entries, subjects).map((f, id) => ({ id, ...Object.fromEntries(FIELDS.map((k) => [k, f[k].join(' ')])) })));
    return { searcher: miniSearcher(index), serialise: () => JSON.stringify(index) };
  },
  load(serialised) {
    return miniSearcher(MiniSearch.loadJSON(serialised, miniOptions));
  },
};

/**
 * FlexSearch scores by position in one text, so the fields go in in weight order (names first):
 * that is how its documentation suggests weighting. Earlier words must match whole words and the
 * last word any prefix, so it needs two indexes: `strict` for whole words, `forward` for prefixes.
 */
function flexIndexes() {
  const encode = (text: string) => tokenize(text);
  return { strict: new Index({ tokenize: 'strict', encode }), forward: new Index({ tokenize: 'forward', encode }) };
}

function flexSearcher(strict: Index, forward: Index, size: number): TextSearcher {
  return {
    search(words) {
      const last = words[words.length - 1]!;
      if (words.length === 1) return forward.search(last, { limit: size }) as number[];
      return new Resolver({ index: strict, query: words.slice(0, -1).join(' ') }).and({ index: forward, query: last }).resolve({ limit: size }) as number[];
    },
  };
}

export const flexSearchText: PeerText = {
  name: 'flexsearch',
  build(entries, subjects) {
    const { strict, forward } = flexIndexes();
    fieldTexts(entries, subjects).forEach((f, id) => {
      const text = FIELDS.flatMap((k) => f[k]).join(' ');
      strict.add(id, text);
      forward.add(id, text);
    });
    return {
      searcher: flexSearcher(strict, forward, entries.length),
      serialise() {
        const parts: Record<string, [string, string][]> = { strict: [], forward: [] };
        // Both exports call back synchronously when the callback returns nothing.
        void strict.export((key, data) => void parts.strict!.push([key, data]));
        void forward.export((key, data) => void parts.forward!.push([key, data]));
        return JSON.stringify(parts);
      },
    };
  },
  load(serialised, size) {
    const parts = JSON.parse(serialised) as Record<'strict' | 'forward', [string, string][]>;
    const { strict, forward } = flexIndexes();
    for (const [key, data] of parts.strict) void strict.import(key, data);
    for (const [key, data] of parts.forward) void forward.import(key, data);
    return flexSearcher(strict, forward, size);
  },
};

export const PEERS: PeerText[] = [miniSearchText, flexSearchText];

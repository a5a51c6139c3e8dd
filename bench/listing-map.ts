/**
 * `npm run bench` (and `npx tsx bench/listing-map.ts` alone): what the world map costs a filtered listing rendered by the function (src/site/listing-page.ts):
 * the same pages rendered with and without it, as a ratio of time and of bytes. The worst case is
 * measured: the synthetic entries' countries are spread over every country the schema knows, so
 * the map shades all of them (~240 shapes and dots) on an unfiltered page.
 */
import { buildArtefact } from '../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../src/content/render-markdown.ts';
import { createDirectory } from '../src/engine/directory.ts';
import { allCountryCodes } from '../src/schema/codes.ts';
import { renderListing } from '../src/site/listing-page.ts';
import { syntheticContent } from '../test/support/synthetic-corpus.ts';

const PAGES = ['', 'subject=labour-rights', 'q=sindicato', 'country=FR&scope=national', 'relation=member,founding_member&sort=-updated&page=2'];

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/**
 * `everyCountry`: the worst case, the entries' countries spread over every country the schema
 * knows; otherwise the synthetic corpus's own ~25 countries (a network's likely shape).
 */
export function listingMapCost(size: number, everyCountry: boolean, rounds = 40) {
  const content = syntheticContent(size, 42);
  const codes = allCountryCodes();
  if (everyCountry) content.entries = content.entries.map((e, i) => ({ ...e, countries: [codes[i % codes.length]!] }));
  const dir = createDirectory(buildArtefact(content, createMarkdownRenderer()));
  const render = (map: boolean) => PAGES.map((qs) => renderListing(dir, 'en', new URLSearchParams(qs), { baseUrl: 'https://d.example', map }).body);
  for (let i = 0; i < 10; i++) {
    // warm up
    render(true);
    render(false);
  }
  const time = (map: boolean) =>
    median(
      Array.from({ length: rounds }, () => {
        const t = process.hrtime.bigint();
        render(map);
        return Number(process.hrtime.bigint() - t) / 1e6 / PAGES.length;
      }),
    );
  const withMap = [] as number[];
  const without = [] as number[];
  // Interleaved so that a slower moment of a shared machine falls on both.
  for (let r = 0; r < 5; r++) {
    without.push(time(false));
    withMap.push(time(true));
  }
  const bytes = (map: boolean) => render(map).reduce((n, body) => n + Buffer.byteLength(body), 0) / PAGES.length;
  const countries = new Set(content.entries.flatMap((e) => e.countries ?? [])).size;
  return { withMs: median(withMap), withoutMs: median(without), withBytes: bytes(true), withoutBytes: bytes(false), countries };
}

export function listingMapLine(size: number, everyCountry: boolean): string {
  const r = listingMapCost(size, everyCountry);
  return `| ${size.toLocaleString('en')} | ${r.countries} | ${r.withMs.toFixed(2)} ms / ${r.withoutMs.toFixed(2)} ms = **${(r.withMs / r.withoutMs).toFixed(2)}×** | ${(r.withBytes / 1024).toFixed(0)} KiB / ${(r.withoutBytes / 1024).toFixed(0)} KiB = **${(r.withBytes / r.withoutBytes).toFixed(2)}×** |`;
}

export const LISTING_MAP_HEADER =
  '| entries | countries with groups | listing page render with map / without | page bytes with map / without |\n|---|---|---|---|';

if (import.meta.filename === process.argv[1]) {
  console.log(LISTING_MAP_HEADER);
  for (const size of (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number))
    for (const every of [false, true]) console.log(listingMapLine(size, every));
}

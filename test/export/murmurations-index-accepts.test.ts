/**
 * Every profile the directory publishes passes what the Murmurations index checks: its default
 * schema, then `organizations_schema-v1.0.0` (copies in test/fixtures/murmurations, validated with
 * Ajv as draft-07, their own dialect), and the newer field limits our own schema holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import artefact from '../../generated/directory.mjs';
import { createDirectory } from '../../src/engine/directory.ts';
import { createMurmurationsEndpoint } from '../../src/export/endpoints.ts';
import { clip, murmurationsProfile, murmurationsProfileSchema, TAG_MAX } from '../../src/export/murmurations.ts';
import { locateCity } from '../../src/geo/locate-city.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { taxonomyTermSchema } from '../../src/schema/taxonomy.ts';
import { resolveNetwork } from '../../src/engine/network.ts';
import { checkedCall } from '../support/contract.ts';
import { fixtureDirectory, fixtureEntries, fixtureSubjects } from '../support/fixture-directory.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'murmurations');
const BASE = 'https://directory.test';

/** The index's validation: the default schema and the linked schema, `../fields/x.json` resolved from the copies. */
function indexValidator() {
  // The schemas name `https://json-schema.org/draft-07/schema#` (Ajv knows the http:// spelling);
  // they are draft-07 either way, which is Ajv's default dialect.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  for (const file of readdirSync(join(FIXTURES, 'fields'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(FIXTURES, 'fields', file), 'utf8')), `https://test-library.murmurations.network/v2/fields/${file}`);
  }
  const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'schemas', `${name}.json`), 'utf8')));
  const validators = { default: schema('default-v2.1.0'), organizations: schema('organizations_schema-v1.0.0') };
  return (profile: unknown): string[] =>
    Object.entries(validators).flatMap(([name, validate]) => (validate(profile) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`]));
}

const accepts = indexValidator();
const real = createDirectory(artefact);
const network = resolveNetwork(real);

describe('Murmurations profiles the index accepts', () => {
  it('every real profile passes the default and organizations schemas and the newer field limits', () => {
    for (let doc = 0; doc < real.size; doc++) {
      const profile = murmurationsProfile(real, doc, BASE, network);
      const slug = real.artefact.entries[doc]!.slug;
      expect(accepts(profile), slug).toEqual([]);
      expect(murmurationsProfileSchema.safeParse(profile).error?.issues ?? [], slug).toEqual([]);
      expect(profile.primary_url, slug).toMatch(/^https?:\/\//);
    }
  });

  it('the validators refuse what the index refuses (a profile without a name, Kosovo as a country)', () => {
    expect(accepts({ linked_schemas: ['organizations_schema-v1.0.0'] })).not.toEqual([]);
    expect(accepts({ linked_schemas: ['organizations_schema-v1.0.0'], name: 'X', country_iso_3166: 'XK' })).not.toEqual([]);
  });

  it('maps Kosovo, long subject labels, a missing website and a city the index can place', () => {
    const long = taxonomyTermSchema.parse({
      slug: 'long-subject',
      label: { en: `Solidarity ${'with workers in struggle '.repeat(4)}`.trim(), fr: 'Long', es: 'Largo', pt: 'Longo', it: 'Lungo', de: 'Lang' },
    });
    const kosovo = entrySchema.parse({
      ...fixtureEntries[0]!,
      slug: 'bsp-kosovo',
      countries: ['XK'],
      city: 'Pristina',
      subjects: ['long-subject'],
      social: ['https://social.example.org/@bsp'],
    });
    const varese = entrySchema.parse({ ...fixtureEntries[0]!, slug: 'adl-varese', countries: ['IT'], city: 'Varese' });
    const dir = fixtureDirectory([...fixtureEntries, kosovo, varese], { subjects: [...fixtureSubjects, long] }, { locate: locateCity });
    const k = murmurationsProfile(dir, dir.findSlug('bsp-kosovo'), BASE, undefined);
    expect(k.country_iso_3166).toBeUndefined();
    expect(k.locality).toBe('Pristina');
    expect(k.geolocation).toEqual(locateCity('Pristina', 'XK'));
    expect(k.tags![0]!.length).toBeLessThanOrEqual(TAG_MAX);
    expect(k.tags![0]).toBe(clip(long.label.en, TAG_MAX));
    expect(k.primary_url).toBe('https://social.example.org/@bsp');
    expect(accepts(k)).toEqual([]);
    const v = murmurationsProfile(dir, dir.findSlug('adl-varese'), BASE, undefined);
    expect(v).toMatchObject({ country_iso_3166: 'IT', locality: 'Varese', primary_url: `${BASE}/groups/adl-varese/` });
    expect(v.geolocation!.lat).toBeCloseTo(45.82, 1);
    expect(v.geolocation!.lon).toBeCloseTo(8.83, 1);
    expect(accepts(v)).toEqual([]);
  });

  it('is served with its licence, in the language asked for, and 400 for a bad lang', async () => {
    const endpoint = createMurmurationsEndpoint(real, network);
    const r = await checkedCall(endpoint, new Request(`${BASE}/api/v1/groups/cub/murmurations.json?lang=fr`));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-language')).toBe('fr');
    expect(r.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect((await r.json()).license).toBe('https://creativecommons.org/licenses/by/4.0/');
    const bad = await checkedCall(endpoint, new Request(`${BASE}/api/v1/groups/cub/murmurations.json?lang=xx`));
    expect(bad.status).toBe(400);
  });
});

describe('locateCity: coordinates from the offline gazetteer, never guessed', () => {
  it('finds cities by the name the gazetteer gives them, ignoring case and accents', () => {
    expect(locateCity('Varese', 'IT')).toEqual({ lat: 45.82058, lon: 8.82511 });
    expect(locateCity('sao paulo', 'BR')).toEqual(locateCity('São Paulo', 'BR'));
    expect(locateCity('São Paulo', 'BR')!.lat).toBeCloseTo(-23.55, 1);
  });

  it('gives nothing for an unknown place, the wrong country, or a name shared by places far apart', () => {
    expect(locateCity('Atlantis', 'GR')).toBeUndefined();
    expect(locateCity('Varese', 'FR')).toBeUndefined();
    expect(locateCity('San José', 'CR')).toBeUndefined(); // two San José in Costa Rica, 200 km apart
  });
});

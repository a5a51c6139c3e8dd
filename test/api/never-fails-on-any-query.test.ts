/**
 * Fuzz: whatever a client sends as a query string or a slug, the read API answers 200, 304, 400
 * or 404 with a JSON body (an error naming parameters when it is 400) — never a 5xx.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createGroupEndpoint, createGroupsEndpoint, createTaxonomiesEndpoint } from '../../src/api/read-endpoints.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const dir = fixtureDirectory();
const groups = createGroupsEndpoint(dir);
const group = createGroupEndpoint(dir);
const taxonomies = createTaxonomiesEndpoint(dir);
const known = Object.keys(groupsQuerySchema.shape);

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    ',',
    ',,',
    'FR',
    'fr,es',
    'XX',
    '0',
    '-1',
    '1e3',
    '99999999999',
    'NaN',
    'education',
    'all',
    'any',
    '2024-02-30',
    '%',
    '%E0%A4%A',
    '\u0000',
    '\u202e',
    '../../etc/passwd',
    'a'.repeat(5000),
  ),
  fc.integer().map(String),
);
const key = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 }));
/** Some values go raw (unencoded), as careless clients send them. */
const queryString = fc
  .array(fc.tuple(key, value, fc.boolean()), { maxLength: 12 })
  .map((pairs) => pairs.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`).join('&'));

async function answer(handler: (r: Request) => Promise<Response>, url: string, init?: RequestInit) {
  let request: Request;
  try {
    request = new Request(url, init);
  } catch {
    return undefined; // not a URL a client could send
  }
  const response = await handler(request);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('no query yields a 5xx', () => {
  it('GET /api/v1/groups answers 200 or 400 for any query string', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, fc.constantFrom(undefined, 'fr', '*;q=0.1,xx-YY;q=2,,', 'a'.repeat(300)), async (qs, lang) => {
        const r = await answer(groups, `http://d.test/api/v1/groups?${qs}`, lang ? { headers: { 'Accept-Language': lang } } : undefined);
        if (!r) return;
        expect([200, 400]).toContain(r.status);
        if (r.status === 400) {
          expect(r.body.error.code).toBe('invalid_parameters');
          expect(Object.keys(r.body.error.fields).length).toBeGreaterThan(0);
        } else {
          expect(r.body.meta.total).toBeGreaterThanOrEqual(r.body.data.length);
        }
      }),
      { seed: 1127, numRuns: 600 },
    );
  });

  it('GET /api/v1/groups/{anything} answers 200, 400 or 404', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('ilnss', 'solidaires', '..', '%2e%2e', 'a/b', 'SOLIDAIRES')), queryString, async (slug, qs) => {
        const r = await answer(group, `http://d.test/api/v1/groups/${encodeURIComponent(slug)}?${qs}`);
        if (!r) return;
        expect([200, 400, 404]).toContain(r.status);
      }),
      { seed: 2711, numRuns: 300 },
    );
  });

  it('every method on every read endpoint gets a 2xx, 304, 400 or 405', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom(groups, group, taxonomies),
        queryString,
        async (method, handler, qs) => {
          const response = await handler(new Request(`http://d.test/api/v1/groups/solidaires?${qs}`, { method }));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});

/**
 * One set of HTTP requests both runtimes must answer alike: Netlify's own local runtime
 * (@netlify/dev) and the self-hosted one (src/runtime). Each case says what it expects of both
 * (so that two equally wrong answers still fail) and what differs by nature between two
 * answers (a freshly signed form token).
 */
export interface ConformanceCase {
  name: string;
  path: string;
  init?: { method?: string; headers?: Record<string, string>; body?: string };
  /** Needs the ETag of this path's answer as If-None-Match. */
  revalidate?: boolean;
  status: number;
  /** A substring of the body both must contain. */
  contains?: string;
  /** Replaces parts that are meant to differ between two answers before bodies and headers are compared. */
  normalise?: (body: string) => string;
  /** The document names the server it was asked on, so its ETag differs with the two runtimes' addresses. */
  tagFollowsOrigin?: boolean;
}

/** A join page is signed afresh for each request: its form token and its script nonce. */
const withoutFormToken = (text: string) => text.replace(/(name="form_token" value=")[^"]+"/g, '$1…"').replace(/nonce(-|=")[A-Za-z0-9+/=]+/g, 'nonce$1…');

export const CASES: ConformanceCase[] = [
  // The API
  { name: 'a filtered list', path: '/api/v1/groups?country=FR&fields=name', status: 200, contains: '"cnt-so"' },
  { name: 'facets and a search', path: '/api/v1/groups?q=union&facets=country,scope', status: 200, contains: '"facets"' },
  { name: 'a route matched without case or trailing slash', path: '/api/v1/Groups/', status: 200, contains: '"data"' },
  { name: 'one entry', path: '/api/v1/groups/ilnss', status: 200, contains: '"related"' },
  { name: 'one entry with a trailing slash', path: '/api/v1/groups/ilnss/', status: 200, contains: '"related"' },
  { name: 'an unknown entry', path: '/api/v1/groups/no-such-group', status: 404, contains: '"not_found"' },
  { name: 'an invalid parameter', path: '/api/v1/groups?per_page=1000', status: 400, contains: '"per_page"' },
  { name: 'a wrong method', path: '/api/v1/groups', init: { method: 'POST', body: '{}' }, status: 405 },
  {
    name: 'a CORS preflight',
    path: '/api/v1/groups',
    init: { method: 'OPTIONS', headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' } },
    status: 204,
  },
  { name: 'a revalidation', path: '/api/v1/groups?subject=education', revalidate: true, status: 304 },
  { name: 'a language', path: '/api/v1/groups/ilnss?lang=fr', status: 200, contains: '"lang":"fr"' },
  { name: 'taxonomies', path: '/api/v1/taxonomies', status: 200, contains: '"subjects"' },
  { name: 'the OpenAPI document', path: '/api/v1/openapi.json', status: 200, contains: '"openapi": "3.1.0"', tagFollowsOrigin: true },
  { name: 'the entry JSON Schema', path: '/api/v1/schemas/entry.json', status: 200, contains: '"$schema"' },
  { name: 'CSV', path: '/api/v1/groups.csv?country=FR', status: 200, contains: 'slug' },
  { name: 'NDJSON', path: '/api/v1/groups.ndjson?country=FR', status: 200, contains: '"slug"' },
  { name: 'Atom', path: '/api/v1/groups.atom', status: 200, contains: '<feed' },
  { name: 'Murmurations', path: '/api/v1/groups/ilnss/murmurations.json', status: 200, contains: '"linked_schemas"' },
  // Server-rendered pages and the join
  { name: 'a filtered listing page', path: '/groups?country=FR', status: 200, contains: '<html' },
  { name: 'a French listing page', path: '/fr/groups/?country=ES', status: 200, contains: '<html lang="fr"' },
  { name: 'the join form', path: '/join', status: 200, contains: 'form_token', normalise: withoutFormToken },
  { name: 'the French join form', path: '/fr/join', status: 200, contains: '<html lang="fr"', normalise: withoutFormToken },
  { name: 'the join status of an unknown reference', path: '/api/v1/join/7KQ2-M9X4-T1B8-C3D5', status: 404 },
  {
    name: 'a join submission without a body',
    path: '/api/v1/join',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '' },
    status: 400,
  },
  // Static files and the 404 page
  { name: 'the home page', path: '/', status: 200, contains: '<html' },
  { name: 'the French home page', path: '/fr/', status: 200, contains: '<html lang="fr"' },
  { name: 'a folder without its slash', path: '/fr', status: 200, contains: '<html lang="fr"' },
  { name: 'an entry page', path: '/groups/ilnss/', status: 200, contains: 'International Labour Network' },
  { name: 'an entry page without its slash', path: '/groups/ilnss', status: 200, contains: 'International Labour Network' },
  { name: 'the stylesheet', path: '/assets/site.css', status: 200 },
  { name: 'the widget', path: '/widget.js', status: 200 },
  { name: 'the widget example', path: '/widget-example.html', status: 200 },
  { name: 'the CMS', path: '/admin/', status: 200, contains: '/admin/cms.js' },
  { name: 'an unknown page', path: '/no-such-page', status: 404, contains: '<html' },
  { name: 'an encoded dot segment', path: '/%2e%2e/package.json', status: 404 },
];

/** Headers that say nothing about the answer itself (connection, framing, timing). */
export const TRANSPORT_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'server',
  'age',
  'x-nf-request-id',
  'server-timing',
]);

/** The real function files: their routes, and that each answers through the engine it binds. */
import { describe, expect, it } from 'vitest';
import * as atom from '../../netlify/functions/groups-atom.mts';
import * as csv from '../../netlify/functions/groups-csv.mts';
import * as ndjson from '../../netlify/functions/groups-ndjson.mts';
import * as murmurations from '../../netlify/functions/group-murmurations.mts';
import * as listing from '../../netlify/functions/site-listing.mts';

const ORIGIN = 'http://localhost:8888';

const cases = [
  {
    name: 'site-listing',
    mod: listing,
    path: ['/', '/groups', '/groups/', '/:lang/groups', '/:lang/groups/'],
    url: '/fr/groups?country=IT',
    type: 'text/html; charset=utf-8',
    has: '<html lang="fr">',
  },
  {
    name: 'groups-csv',
    mod: csv,
    path: '/api/v1/groups.csv',
    url: '/api/v1/groups.csv?country=IT',
    type: 'text/csv; charset=utf-8; header=present',
    has: 'slug,name,',
  },
  {
    name: 'groups-ndjson',
    mod: ndjson,
    path: '/api/v1/groups.ndjson',
    url: '/api/v1/groups.ndjson?country=IT',
    type: 'application/x-ndjson; charset=utf-8',
    has: '"countries":["IT"]',
  },
  {
    name: 'groups-atom',
    mod: atom,
    path: '/api/v1/groups.atom',
    url: '/api/v1/groups.atom',
    type: 'application/atom+xml; charset=utf-8',
    has: '<feed xmlns="http://www.w3.org/2005/Atom"',
  },
  {
    name: 'group-murmurations',
    mod: murmurations,
    path: '/api/v1/groups/:slug/murmurations.json',
    url: '/api/v1/groups/cub/murmurations.json',
    type: 'application/json; charset=utf-8',
    has: '"linked_schemas":["organizations_schema-v1.0.0"]',
  },
];

describe('site and open-data functions', () => {
  for (const c of cases) {
    it(`${c.name} routes ${JSON.stringify(c.path)} and answers ${c.url}`, async () => {
      expect(c.mod.config.path).toEqual(c.path);
      const response = await c.mod.default(new Request(`${ORIGIN}${c.url}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(c.type);
      expect(await response.text()).toContain(c.has);
    });
  }
});

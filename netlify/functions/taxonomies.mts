// GET /api/v1/taxonomies — subjects, sectors, countries, scopes, languages, relations, structures.
import type { Config } from '@netlify/functions';
import artefact from '../../generated/directory.mjs';
import { createTaxonomiesEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/directory/directory.ts';

export default createTaxonomiesEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/taxonomies' };

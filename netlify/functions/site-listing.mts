// GET /groups?… and /fr/groups?… — the directory listing with search, filters and pages, as HTML.
import type { Config } from '@netlify/functions';
import artefact from '../../generated/directory.mjs';
import { createDirectory } from '../../src/directory/directory.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';

export default createListingEndpoint(createDirectory(artefact));

export const config: Config = { path: ['/groups', '/groups/', '/fr/groups', '/fr/groups/'] };

// GET /groups?… and /fr/groups?… — the directory listing with search, filters and pages, as HTML.
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createListingEndpoint(createDirectory(artefact));

export const config: Config = { path: ['/groups', '/groups/', '/fr/groups', '/fr/groups/'] };

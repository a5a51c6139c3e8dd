// GET /groups?… and /<lang>/groups?… — the directory listing with search, filters and pages, as HTML;
// GET / — the front page in the visitor's language (src/site/language-endpoint.ts).
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createListingEndpoint(createDirectory(artefact));

// `:lang` is checked by the endpoint against the catalogues' languages (a new catalogue needs no new route).
export const config: Config = { path: ['/', '/groups', '/groups/', '/:lang/groups', '/:lang/groups/'] };

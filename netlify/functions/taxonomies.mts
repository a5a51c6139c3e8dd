// GET /api/v1/taxonomies — subjects, sectors, countries, scopes, languages, relations, structures.
import type { Config } from '@netlify/functions';
import { createTaxonomiesEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createTaxonomiesEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/taxonomies' };

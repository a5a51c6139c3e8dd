// GET /api/v1/groups — search, filters, facets and pages over the prebuilt directory.
import type { Config } from '@netlify/functions';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

// Read from disk, not imported: see src/runtime/read-artefact.ts (shipped by included_files).
export default createGroupsEndpoint(createDirectory(readArtefact('directory-list.json', import.meta.url)));

export const config: Config = { path: '/api/v1/groups' };

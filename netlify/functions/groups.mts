// GET /api/v1/groups — search, filters, facets and pages over the prebuilt directory.
import type { Config } from '@netlify/functions';
import artefact from '../../generated/directory-list.mjs';
import { createGroupsEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/directory/directory.ts';

export default createGroupsEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups' };

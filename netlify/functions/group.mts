// GET /api/v1/groups/{slug} — one whole entry with its related groups.
import type { Config } from '@netlify/functions';
import artefact from '../../generated/directory.mjs';
import { createGroupEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/directory/directory.ts';

export default createGroupEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups/:slug' };

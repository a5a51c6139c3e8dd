// GET /api/v1/groups.atom — Atom feed of the most recently added groups (same filters as /api/v1/groups).
import type { Config } from '@netlify/functions';
import artefact from '../../generated/directory.mjs';
import { createDirectory } from '../../src/directory/directory.ts';
import { createFeedEndpoint } from '../../src/export/endpoints.ts';

export default createFeedEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups.atom' };

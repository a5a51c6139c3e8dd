// GET /api/v1/groups.atom — Atom feed of the most recently added groups (same filters as /api/v1/groups).
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createFeedEndpoint } from '../../src/export/endpoints.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createFeedEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups.atom' };

// GET /api/v1/groups/{slug} — one whole entry with its related groups.
import type { Config } from '@netlify/functions';
import { createGroupEndpoint } from '../../src/api/read-endpoints.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createGroupEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups/:slug' };

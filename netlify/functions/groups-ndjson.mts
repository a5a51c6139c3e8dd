// GET /api/v1/groups.ndjson — the whole or filtered directory, one entry per line (same filters as /api/v1/groups).
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createNdjsonEndpoint } from '../../src/export/endpoints.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createNdjsonEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups.ndjson' };

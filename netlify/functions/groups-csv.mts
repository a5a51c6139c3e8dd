// GET /api/v1/groups.csv — the whole or filtered directory as CSV (same filters as /api/v1/groups).
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createCsvEndpoint } from '../../src/export/endpoints.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory.json', import.meta.url); // shipped by included_files (netlify.toml)

export default createCsvEndpoint(createDirectory(artefact));

export const config: Config = { path: '/api/v1/groups.csv' };

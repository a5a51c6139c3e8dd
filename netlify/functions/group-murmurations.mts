// GET /api/v1/groups/{slug}/murmurations.json — the entry as a Murmurations organisation profile.
import type { Config } from '@netlify/functions';
import { createDirectory } from '../../src/engine/directory.ts';
import { createMurmurationsEndpoint } from '../../src/export/endpoints.ts';
import { resolveNetwork } from '../../src/engine/network.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory.json', import.meta.url); // shipped by included_files (netlify.toml)

const directory = createDirectory(artefact);

export default createMurmurationsEndpoint(directory, resolveNetwork(directory));

export const config: Config = { path: '/api/v1/groups/:slug/murmurations.json' };

// GET /api/v1/join/{reference} — where an application stands; no personal data.
import type { Config } from '@netlify/functions';
import { getStore } from '@netlify/blobs';
import { wireJoin } from '../../src/join/wire.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';

const artefact = readArtefact('directory-list.json', import.meta.url); // shipped by included_files (netlify.toml)

const join = wireJoin(process.env, { artefact, openStore: (name) => getStore({ name, consistency: 'strong' }) });

export default join.status;

export const config: Config = {
  path: '/api/v1/join/:reference',
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

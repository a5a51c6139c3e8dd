// GET /api/v1/join/{reference} — where an application stands; no personal data.
import type { Config } from '@netlify/functions';
import { getStore } from '@netlify/blobs';
import artefact from '../../generated/directory.mjs';
import { wireJoin } from '../../src/join/wire.ts';

const join = wireJoin(process.env, { artefact, openStore: (name) => getStore({ name, consistency: 'strong' }) });

export default join.status;

export const config: Config = {
  path: '/api/v1/join/:reference',
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

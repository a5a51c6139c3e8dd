// GET /api/v1/join/{reference} — where an application stands; no personal data.
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url);

export default join.status;

export const config: Config = {
  path: '/api/v1/join/:reference',
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

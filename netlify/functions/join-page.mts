// GET /join, /fr/join — the join form, with a freshly signed token; /join/thanks — its answer.
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url);

export default join.page;

export const config: Config = {
  path: ['/join', '/fr/join', '/join/thanks', '/fr/join/thanks'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

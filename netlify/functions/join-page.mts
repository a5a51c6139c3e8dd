// GET /join, /<lang>/join — the join form, with a freshly signed token; /join/thanks, /<lang>/join/thanks — its answer.
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url);

export default join.page;

export const config: Config = {
  // `:lang` is checked by the page endpoint against the catalogues' languages.
  path: ['/join', '/:lang/join', '/join/thanks', '/:lang/join/thanks'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

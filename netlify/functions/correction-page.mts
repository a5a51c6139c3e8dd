// GET /groups/{slug}/correction, /fr/groups/{slug}/correction — an entry's correction form, prefilled, with a
// freshly signed token; …/correction/thanks — its answer.
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url, 'directory.json');

export default join.correctionPage;

export const config: Config = {
  // `:lang` is checked by the page endpoint against the languages (a new catalogue needs no new route).
  path: ['/groups/:slug/correction', '/:lang/groups/:slug/correction', '/groups/:slug/correction/thanks', '/:lang/groups/:slug/correction/thanks'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

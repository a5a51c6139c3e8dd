// POST /api/v1/groups/{slug}/corrections — anyone proposes a correction of an entry: validated, checked,
// contact encrypted, and opened as Decap's edit of the entry for editors to review (or queued).
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url, 'directory.json');

export default join.correct;

export const config: Config = {
  path: '/api/v1/groups/:slug/corrections',
  // The join's limits: a person correcting a form a few times passes, a flood does not.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

// POST /api/v1/join — a union or collective asks to join: validated, checked, encrypted, and
// opened as a pull request editors review in the CMS (or queued if GitHub fails).
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url);

export default join.submit;

export const config: Config = {
  path: '/api/v1/join',
  // Per client IP and per domain: a person correcting a form a few times passes, a flood does not.
  // https://docs.netlify.com/manage/security/secure-access-to-sites/rate-limiting/
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

// GET /api/v1/applications — the editors' desk: applications and corrections with their contact details as
// age ciphertext, for editors only (GitHub write access; locally, this machine). DELETE …/{reference}/contact
// forgets them. Decryption happens in the editor's browser (/admin/applications.html).
import type { Config, Context } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';

const join = wireJoinFunction(import.meta.url);

export default (request: Request, context: Context) => join.applications(request, context.ip);

export const config: Config = {
  path: ['/api/v1/applications', '/api/v1/applications/:reference/contact'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};

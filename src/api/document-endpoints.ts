/**
 * Serves generated documents (OpenAPI, JSON Schema). Each is generated once per process on first
 * use, from the zod schemas, and revalidates with an ETag of its own bytes.
 */
import { createHash } from 'node:crypto';
import { ifNoneMatchHits, notModified } from '../http/caching.ts';
import { checkMethod, CORS_READ_HEADERS, guarded, JSON_TYPE, jsonText } from '../http/respond.ts';

/** JSON Schema's own media type (draft 2020-12, §9.5.1.1). */
export const SCHEMA_JSON_TYPE = 'application/schema+json';

export function createDocumentEndpoint(name: string, generate: (origin: string) => unknown, contentType = JSON_TYPE) {
  const byOrigin = new Map<string, { text: string; tag: string }>();
  return guarded((request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    const origin = new URL(request.url).origin;
    let doc = byOrigin.get(origin);
    if (!doc) {
      const text = JSON.stringify(generate(origin), null, 2);
      doc = { text, tag: `"${createHash('sha1').update(text).digest('base64url').slice(0, 20)}"` };
      if (byOrigin.size < 16) byOrigin.set(origin, doc);
    }
    const headers = {
      ...CORS_READ_HEADERS,
      ETag: doc.tag,
      'Cache-Control': 'public, max-age=300',
      'Netlify-CDN-Cache-Control': 'public, durable, max-age=31536000',
    };
    if (ifNoneMatchHits(request.headers.get('if-none-match'), doc.tag)) return notModified(doc.tag, headers);
    return jsonText(200, doc.text, { ...headers, 'Content-Type': contentType });
  }, name);
}

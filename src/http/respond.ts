/**
 * The small shared layer between pure results and web Responses: JSON and error envelopes, CORS,
 * method checks. Every error has the same shape: `{ "error": { "code", "message", "fields"? } }`;
 * `code` never changes, `message` is in the asker's language (`?lang=`, else Accept-Language).
 */
import type { ErrorCode } from '../schema/api.ts';
import { orList, pickLocale, t, type Locale } from '../i18n/index.ts';
import { DATA_SECURITY_HEADERS, markSecured, withSecurityHeaders } from './security-headers.ts';

export type { ErrorCode };

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/**
 * Read-only endpoints answer any origin: partner sites embed the directory. Answers carry only
 * what a browser reads on an actual response; the rest belongs to the preflight (and costs
 * header handling on every answer).
 */
export const CORS_READ_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Content-Language, Link, Retry-After',
};

/** The answer to an OPTIONS preflight. */
export const CORS_PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_READ_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, If-None-Match, Content-Type',
  'Access-Control-Max-Age': '86400',
};

export const JSON_TYPE = 'application/json; charset=utf-8';

/** `text` may be the UTF-8 bytes of the JSON already (a cached answer, encoded once). */
export function jsonText(status: number, text: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Response {
  return jsonWithHeaders(status, text, jsonHeaders(headers));
}

/**
 * Every header of a JSON answer: data's security headers from the start (an endpoint's own header
 * still wins), so that withSecurityHeaders has nothing to add and need not open them again.
 */
export function jsonHeaders(headers: Record<string, string>): Record<string, string> {
  return { ...DATA_SECURITY_HEADERS, 'Content-Type': JSON_TYPE, ...headers };
}

/**
 * A JSON answer whose headers are already complete (jsonHeaders). The object may be shared by many
 * answers (a cached one's): a Response copies headers it is built with and never changes them.
 */
export function jsonWithHeaders(status: number, text: string | Uint8Array<ArrayBuffer>, complete: Readonly<Record<string, string>>): Response {
  return markSecured(new Response(text, { status, headers: complete }));
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonText(status, JSON.stringify(body), headers);
}

export function errorResponse(status: number, error: ApiError, headers: Record<string, string> = {}): Response {
  return json(status, { error }, { 'Cache-Control': 'no-store', ...headers });
}

/**
 * The language of an error's message: the `lang` parameter, else Accept-Language, else English.
 * An address over URL_MAX is not parsed for it (that is the work its 414 refuses to do).
 */
export function requestLocale(request: Request): Locale {
  let lang: string | null = null;
  if (request.url.length <= URL_MAX) {
    try {
      lang = new URL(request.url).searchParams.get('lang');
    } catch {
      lang = null; // a request the runtime built has a valid URL; this only guards hand-made ones
    }
  }
  return pickLocale({ explicit: [lang], acceptLanguage: request.headers.get('accept-language') });
}

export function invalidParameters(fields: Record<string, string>, headers: Record<string, string> = {}, locale: Locale = 'en'): Response {
  const names = Object.keys(fields);
  return errorResponse(
    400,
    { code: 'invalid_parameters', message: t(locale, 'api.invalidParameters', { count: names.length, names: names.join(', ') }), fields },
    headers,
  );
}

export function notFound(message: string, headers: Record<string, string> = {}): Response {
  return errorResponse(404, { code: 'not_found', message }, headers);
}

/**
 * Answers OPTIONS preflights and wrong methods; returns undefined when the method is allowed.
 * HEAD is served like GET by the runtime.
 */
export function checkMethod(request: Request, allowed: readonly string[], cors: Record<string, string> = CORS_PREFLIGHT_HEADERS): Response | undefined {
  const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { ...cors, Allow: allow } });
  if (allowed.includes(request.method) || (request.method === 'HEAD' && allowed.includes('GET'))) return undefined;
  const locale = requestLocale(request);
  return errorResponse(
    405,
    { code: 'method_not_allowed', message: t(locale, 'api.methodNotAllowed', { method: request.method, allowed: orList(locale, allowed) }) },
    { ...cors, Allow: allow },
  );
}

/**
 * The longest address any endpoint reads. Every real query is far shorter (a list parameter holds
 * at most 50 values); a longer one is refused before its query string is parsed, so no URL costs
 * more than a small multiple of an ordinary request (bench/adversarial.ts).
 */
export const URL_MAX = 8_192;

/**
 * The last line of defence: an unexpected exception becomes a JSON 500 without a stack trace,
 * and the log line names the error, never the request body. Every answer, whatever it is, leaves
 * with the security headers (security-headers.ts). Addresses over `URL_MAX` get a 414 first.
 */
export function guarded(handler: (request: Request) => Promise<Response> | Response, name: string): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (request.url.length > URL_MAX) {
        return withSecurityHeaders(
          errorResponse(414, { code: 'uri_too_long', message: t(requestLocale(request), 'api.uriTooLong', { max: URL_MAX }) }, CORS_READ_HEADERS),
        );
      }
      return withSecurityHeaders(await handler(request));
    } catch (error) {
      console.error(`[${name}] unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown'}`);
      return withSecurityHeaders(errorResponse(500, { code: 'internal_error', message: t(requestLocale(request), 'api.internalError') }, CORS_READ_HEADERS));
    }
  };
}

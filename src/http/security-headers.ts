/**
 * Security headers of every answer a function gives. Netlify applies netlify.toml's `[[headers]]`
 * only to the static files it serves itself (https://docs.netlify.com/manage/routing/headers/),
 * so functions set their own: the same policy for the pages they render as netlify.toml gives
 * the static pages (a test holds the two equal), and for data (JSON, CSV, feeds) a policy under
 * which nothing in the answer can run or be framed if a browser ever renders it.
 *
 * A header an endpoint set itself wins (the join pages carry a nonce policy of their own).
 */

/** The static pages' policy, as netlify.toml's `/*` rule states it: one stylesheet, no script. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Data is never a document: no script, no style, no frame, nothing. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
};

/** Every security header of a data answer (JSON, CSV, feeds). */
export const DATA_SECURITY_HEADERS: Readonly<Record<string, string>> = { ...COMMON_SECURITY_HEADERS, 'Content-Security-Policy': DATA_CSP };

/**
 * Answers built with every security header already (jsonText): withSecurityHeaders leaves them
 * untouched. Not reading `response.headers` matters in the self-hosted runtime, where srvx's
 * FastResponse then writes the headers it was built with straight to Node, without building
 * undici's `Headers` (src/runtime/site-server.ts).
 */
const secured = new WeakSet<Response>();

export function markSecured(response: Response): Response {
  secured.add(response);
  return response;
}

/** Adds what is missing, in place (a Response built with `new Response` has mutable headers). */
export function withSecurityHeaders(response: Response): Response {
  if (secured.has(response)) return response;
  const headers = response.headers;
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) {
    const html = (headers.get('Content-Type') ?? '').startsWith('text/html');
    headers.set('Content-Security-Policy', html ? PAGE_CSP : DATA_CSP);
  }
  return response;
}

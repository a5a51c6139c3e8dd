/**
 * Choosing the language of the directory's front page.
 *
 * `GET /` answers in the visitor's language: a visitor who chose a language with the switcher
 * (a cookie) gets that one; otherwise the browser's Accept-Language, quality values honoured
 * (src/i18n/negotiate.ts). English is answered in place; any other language is a 302 to its own
 * front page (`/fr/`), which is a static page and never redirects, so there is no loop.
 *
 * `GET /language?set=fr&to=/fr/groups?country=IT` is where the switcher's links go: it remembers
 * the choice in the `sd_lang` cookie and sends the visitor on (303) to the same page in that
 * language. Choosing English there is what lets a French browser read `/` in English.
 *
 * Caching: the answer to `/` depends on Accept-Language and on that cookie, so Netlify's CDN keys
 * it by both (`Netlify-Vary`, https://docs.netlify.com/platform/caching/#vary-by-cookie) and
 * browsers revalidate it every time (`no-cache`), so a new choice is seen at once.
 */
import type { Directory } from '../engine/directory.ts';
import { etag, ifNoneMatchHits, notModified } from '../http/caching.ts';
import { checkMethod, guarded } from '../http/respond.ts';
import { DEFAULT_LOCALE, isLocale, pickLocale, type Locale } from '../i18n/index.ts';
import { renderListing } from './listing-page.ts';
import { paths } from './paths.ts';

export const LANGUAGE_COOKIE = 'sd_lang';
const YEAR_SECONDS = 365 * 24 * 3600;
const HTML_TYPE = 'text/html; charset=utf-8';

/** The value of one cookie, or undefined (RFC 6265 §4.2: `name=value; name=value`). */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The front page's language for a request: the visitor's recorded choice, else Accept-Language. */
export function frontPageLocale(request: Request): Locale {
  return pickLocale({ explicit: [cookieValue(request.headers.get('cookie'), LANGUAGE_COOKIE)], acceptLanguage: request.headers.get('accept-language') });
}

export function frontPageHeaders(): Record<string, string> {
  return {
    'Cache-Control': 'public, no-cache',
    'Netlify-CDN-Cache-Control': 'public, durable, max-age=31536000, stale-while-revalidate=86400',
    'Netlify-Vary': `header=Accept-Language,cookie=${LANGUAGE_COOKIE}`,
    Vary: 'Accept-Language',
  };
}

export function createFrontPageEndpoint(dir: Directory) {
  return guarded((request) => {
    const denied = checkMethod(request, ['GET'], {});
    if (denied) return denied;
    const locale = frontPageLocale(request);
    const headers = frontPageHeaders();
    if (locale !== DEFAULT_LOCALE) return new Response(null, { status: 302, headers: { ...headers, Location: paths.home(locale) } });
    const origin = new URL(request.url).origin;
    const tag = etag(dir.artefact.version, `front|${locale}|${origin}`);
    const ok = { ...headers, ETag: tag, 'Content-Type': HTML_TYPE, 'Content-Language': locale, 'X-Content-Type-Options': 'nosniff' };
    if (ifNoneMatchHits(request.headers.get('if-none-match'), tag)) return notModified(tag, ok);
    return new Response(renderListing(dir, locale, new URLSearchParams(), { baseUrl: origin, home: true }).body, { status: 200, headers: ok });
  }, 'front-page');
}

/** Only a path on this site: never another origin (`//evil.example`, `/\evil.example`), so the switch is no open redirect. */
export function sameSitePath(to: string | null, origin: string): string | undefined {
  if (!to?.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return undefined;
  try {
    const url = new URL(to, origin);
    return url.origin === origin ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined; // not a path at all
  }
}

export function createLanguageSwitchEndpoint() {
  return guarded((request) => {
    const denied = checkMethod(request, ['GET'], {});
    if (denied) return denied;
    const url = new URL(request.url);
    const set = url.searchParams.get('set');
    const locale = isLocale(set) ? set : undefined;
    const to = sameSitePath(url.searchParams.get('to'), url.origin) ?? paths.home(locale ?? DEFAULT_LOCALE);
    const headers: Record<string, string> = { Location: to, 'Cache-Control': 'no-store' };
    if (locale) {
      headers['Set-Cookie'] =
        `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax; HttpOnly${url.protocol === 'https:' ? '; Secure' : ''}`;
    }
    return new Response(null, { status: 303, headers });
  }, 'language');
}

/**
 * `GET /groups?…` and `/<lang>/groups?…`: the listing with a search and filters, rendered on the
 * server from the same engine as the API, so it works without JavaScript and every view has a
 * shareable address. The unfiltered first page is also prebuilt as `/` and `/<lang>/`; `/` itself
 * is answered by language-endpoint.ts, which sends each visitor to their language.
 */
import type { Directory } from '../engine/directory.ts';
import { etag, ifNoneMatchHits, notModified } from '../http/caching.ts';
import { checkMethod, guarded } from '../http/respond.ts';
import { createFrontPageEndpoint } from './language-endpoint.ts';
import { renderNotFoundPage } from './not-found-page.ts';
import { localeOfPath } from './paths.ts';
import { PAGE_PARAMS, pageSearchParams, renderListing } from './listing-page.ts';

export const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * The read API's cache policy (src/http/caching.ts) for pages: a minute in browsers, until the
 * next deploy on Netlify's CDN, keyed by the parameters a page reads and nothing else, so
 * tracking parameters do not split the cache. https://docs.netlify.com/platform/caching/
 */
export function pageCacheHeaders(): Record<string, string> {
  return {
    'Cache-Control': 'public, max-age=60, must-revalidate',
    'Netlify-CDN-Cache-Control': 'public, durable, max-age=31536000, stale-while-revalidate=86400',
    'Netlify-Vary': `query=${PAGE_PARAMS.join('|')}`,
  };
}

export function createListingEndpoint(dir: Directory) {
  const front = createFrontPageEndpoint(dir);
  return guarded((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/') return front(request);
    const denied = checkMethod(request, ['GET'], {});
    if (denied) return denied;
    const locale = localeOfPath(url.pathname);
    // The route is `/:lang/groups`: a first segment that is no language's is no page.
    if (!/^\/(?:groups\/?)?$/.test(locale === 'en' ? url.pathname : url.pathname.slice(locale.length + 1))) {
      return new Response(renderNotFoundPage(url.origin), { status: 404, headers: { 'Content-Type': HTML_TYPE, 'Cache-Control': 'no-store' } });
    }
    const params = pageSearchParams(url.searchParams);
    params.sort();
    const tag = etag(dir.artefact.version, `listing|${locale}|${params}|${url.origin}`);
    const headers = { ...pageCacheHeaders(), ETag: tag, 'Content-Type': HTML_TYPE, 'Content-Language': locale, 'X-Content-Type-Options': 'nosniff' };
    if (ifNoneMatchHits(request.headers.get('if-none-match'), tag)) return notModified(tag, headers);
    const page = renderListing(dir, locale, params, { baseUrl: url.origin });
    if (page.status === 200) return new Response(page.body, { status: 200, headers });
    // An error page is never kept by the CDN (its durable header would keep it until the next deploy).
    return new Response(page.body, {
      status: page.status,
      headers: { 'Content-Type': HTML_TYPE, 'Content-Language': locale, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
    });
  }, 'listing');
}

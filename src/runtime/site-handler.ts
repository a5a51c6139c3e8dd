/**
 * One web-standard handler (`Request → Response`) that answers as a Netlify deploy of this project
 * does, for the self-hosted runtime and for `npm start`:
 *
 *   1. a function whose `config.path` matches (unless `preferStatic` and a file exists), after the
 *      rate limit it declares;
 *   2. else the first matching `[[redirects]]` rule of netlify.toml: a forced rule always, an
 *      unforced one only when no file exists at the path ("shadowing"); 3xx answers a redirect,
 *      200 rewrites to a function or a file (or proxies an http(s) URL), 404 serves its file
 *      with status 404;
 *   3. else a file of the published folder, with the `[[headers]]` rules for its path;
 *   4. else the 404.html of the path's first folder when it has one (`/fr/…` → `/fr/404.html`: each
 *      language's 404, which Netlify serves by the rules the site build writes to dist/_redirects),
 *      else the published folder's 404.html, with status 404.
 *
 * As on Netlify, custom headers apply to files only; functions set their own.
 * https://docs.netlify.com/manage/routing/redirects/rewrites-proxies/#shadowing ·
 * https://docs.netlify.com/manage/routing/headers/#limitations
 */
import { randomUUID } from 'node:crypto';
import { errorResponse, requestLocale } from '../http/respond.ts';
import { t } from '../i18n/index.ts';
import { createFunctionRouter, routeParams, type FunctionContext, type LoadedFunction } from './functions.ts';
import type { SiteSettings } from './netlify-toml.ts';
import { createHeaderMatcher, createRedirectMatcher } from './path-rules.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { createStaticFiles, staticResponse, type StaticFile } from './static-files.ts';

export interface SiteHandlerOptions {
  settings: SiteSettings;
  functions: readonly LoadedFunction[];
  /** The client address of a request (the server adapter knows it). */
  clientIp?: (request: Request) => string | undefined;
  /** Work a function hands to `context.waitUntil`, for the server to await before it stops. */
  waitUntil?: (promise: Promise<unknown>) => void;
  log?: (message: string) => void;
}

export interface SiteHandler {
  fetch(request: Request): Promise<Response>;
}

const FALLBACK_404 = 'Not Found';

export function createSiteHandler(options: SiteHandlerOptions): SiteHandler {
  const { settings } = options;
  const log = options.log ?? ((m: string) => console.error(m));
  const files = createStaticFiles(settings.publishDir);
  const headersFor = createHeaderMatcher(settings.headers);
  const redirectFor = createRedirectMatcher(settings.redirects);
  const route = createFunctionRouter(options.functions);
  const limiters = new Map<LoadedFunction, RateLimiter>();
  for (const fn of options.functions) if (fn.config.rateLimit) limiters.set(fn, createRateLimiter(fn.config.rateLimit));

  const withHeaders = (response: Response, pathname: string): Response => {
    for (const [name, value] of Object.entries(headersFor(pathname))) response.headers.set(name, value);
    return response;
  };

  const serveFile = (file: StaticFile, request: Request, pathname: string, status = 200) => withHeaders(staticResponse(file, request, status), pathname);

  async function notFound(request: Request, pathname: string): Promise<Response> {
    const first = pathname.split('/')[1] ?? '';
    const own = /^[a-z]{2,3}$/.test(first) ? await files.find(`/${first}/404.html`) : undefined;
    const page = own ?? (await files.find('/404.html'));
    if (page) return serveFile(page, request, pathname, 404);
    return new Response(FALLBACK_404, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  async function invoke(fn: LoadedFunction, pattern: string, request: Request, url: URL): Promise<Response> {
    const limiter = limiters.get(fn);
    const ip = options.clientIp?.(request) ?? '';
    if (limiter?.over({ ip, domain: url.hostname })) {
      const limit = fn.config.rateLimit!;
      if (limit.action === 'rewrite' && limit.to) return dispatch(request, new URL(limit.to, url), { rewritten: true });
      return errorResponse(
        429,
        { code: 'rate_limited', message: t(requestLocale(request), 'api.rateLimited') },
        { 'Retry-After': String(limiter.retryAfter()) },
      );
    }
    const context: FunctionContext = {
      params: routeParams(pattern, url),
      ip,
      geo: {},
      requestId: randomUUID(),
      url,
      site: { url: process.env.SITE_URL ?? process.env.URL },
      deploy: { context: 'production', published: true },
      server: {},
      waitUntil: (promise) => {
        if (options.waitUntil) options.waitUntil(promise);
        else promise.catch((error: unknown) => log(`[runtime] ${fn.name}: waitUntil task failed: ${(error as Error).message}`));
      },
      json: (body) => Response.json(body),
      log: (...args) => console.log(...args),
    };
    try {
      const response = await fn.handler(request, context);
      return response instanceof Response ? response : new Response(null, { status: 204 });
    } catch (error) {
      // Netlify answers a throwing function with a 500 and logs the error; so do we, without
      // letting the message or stack reach the client.
      log(`[runtime] function ${fn.name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return errorResponse(500, { code: 'internal_error', message: t(requestLocale(request), 'api.internalError') });
    }
  }

  async function dispatch(request: Request, url: URL, state: { rewritten?: boolean } = {}): Promise<Response> {
    const pathname = url.pathname;
    const matched = route(pathname, request.method);
    if (matched) {
      if (matched.fn.config.preferStatic) {
        const file = await files.find(pathname);
        if (file) return serveFile(file, request, pathname);
      }
      return invoke(matched.fn, matched.route.pattern, request, url);
    }
    const redirect = state.rewritten ? undefined : redirectFor(pathname, url.searchParams);
    if (redirect) {
      const { rule } = redirect;
      const own = rule.force ? undefined : await files.find(pathname);
      if (own) return serveFile(own, request, pathname);
      if (rule.status >= 300 && rule.status < 400) return new Response(null, { status: rule.status, headers: { Location: redirect.target } });
      if (redirect.external) return proxy(request, redirect.target, rule.headers);
      const target = new URL(redirect.target, url);
      if (rule.status === 200) {
        const fnMatch = route(target.pathname, request.method);
        if (fnMatch) return invoke(fnMatch.fn, fnMatch.route.pattern, request, url);
      }
      const file = await files.find(target.pathname);
      if (file) return serveFile(file, request, target.pathname, rule.status === 404 ? 404 : rule.status === 200 ? 200 : rule.status);
    }
    // Any method, as Netlify's local runtime serves files (@netlify/static does not look at it).
    const file = await files.find(pathname);
    if (file) return serveFile(file, request, pathname);
    return notFound(request, pathname);
  }

  async function proxy(request: Request, target: string, headers: Record<string, string>): Promise<Response> {
    const forwarded = new Headers(request.headers);
    forwarded.delete('host');
    for (const [k, v] of Object.entries(headers)) forwarded.set(k, v);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const upstream = await fetch(target, { method: request.method, headers: forwarded, body, redirect: 'manual' });
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
  }

  return {
    async fetch(request) {
      return dispatch(request, new URL(request.url));
    },
  };
}

/**
 * The function modules in `netlify/functions/`, loaded and routed as Netlify routes them: by their
 * own `export const config` (path, excludedPath, method, preferStatic, schedule, rateLimit).
 *
 * Routes follow @netlify/zip-it-and-ship-it (utils/routes.ts) and @netlify/functions-dev
 * (matchURLPath): a path without `*`, `:`, `{`, `[` or `(` is a literal; any other is a URLPattern
 * pathname turned into a regular expression with an optional trailing slash; the request path is
 * compared with its trailing slash removed and lower-cased; the first function whose route matches
 * answers. `context.params` are the URLPattern groups of the matched route.
 * https://docs.netlify.com/build/functions/get-started/#route-requests
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// Node 20 has no global URLPattern (Node 23.8 does); the polyfill is the one Netlify's bundler uses.
import { URLPattern } from 'urlpattern-polyfill';

export type FunctionHandler = (request: Request, context: FunctionContext) => Response | Promise<Response> | void | Promise<void>;

export interface RateLimit {
  windowLimit: number;
  windowSize: number;
  aggregateBy?: 'ip' | 'domain' | ('ip' | 'domain')[];
  action?: 'rate_limit' | 'rewrite';
  to?: string;
}

export interface FunctionConfig {
  path?: string | string[];
  excludedPath?: string | string[];
  method?: string | string[];
  preferStatic?: boolean;
  schedule?: string;
  rateLimit?: RateLimit;
}

/** The part of Netlify's `Context` this runtime provides. https://docs.netlify.com/build/functions/api/#netlify-specific-context-object */
export interface FunctionContext {
  params: Record<string, string>;
  ip: string;
  geo: { city?: string; country?: { code?: string; name?: string }; timezone?: string };
  requestId: string;
  url: URL;
  site: { id?: string; name?: string; url?: string };
  deploy: { context: string; id?: string; published: boolean };
  server: { region?: string };
  waitUntil(promise: Promise<unknown>): void;
  json(body: unknown): Response;
  log: (...args: unknown[]) => void;
}

interface Route {
  pattern: string;
  literal?: string;
  expression?: URLPattern;
}

export interface LoadedFunction {
  name: string;
  handler: FunctionHandler;
  config: FunctionConfig;
  routes: Route[];
  excluded: Route[];
  methods: string[];
}

const isExpression = (part: string) => part.includes('*') || part.startsWith(':') || part.includes('{') || part.includes('[') || part.includes('(');

function route(name: string, path: string): Route {
  if (!path.startsWith('/')) throw new Error(`function ${name}: path "${path}" must start with "/"`);
  if (!path.split('/').some(isExpression)) return { pattern: path, literal: path };
  // Netlify compiles the pattern's pathname expression and allows a trailing slash; the request
  // path arrives here without one, so testing the pattern itself is the same comparison.
  return { pattern: path, expression: new URLPattern({ pathname: path }) };
}

const list = (value: string | string[] | undefined) => (value === undefined ? [] : [...new Set(Array.isArray(value) ? value : [value])]);

function routeMatches(r: Route, path: string): boolean {
  return r.literal !== undefined ? path === r.literal : r.expression!.test({ pathname: path });
}

/** Compiled patterns by their text: compiling one (the polyfill's parser) costs far more than using it. */
const compiled = new Map<string, URLPattern>();

/** Netlify's params: the URLPattern groups of the route, on the request URL; none for a literal path. */
export function routeParams(pattern: string, url: URL): Record<string, string> {
  if (!pattern.split('/').some(isExpression)) return {};
  let expression = compiled.get(pattern);
  if (!expression) compiled.set(pattern, (expression = new URLPattern({ pathname: pattern })));
  const groups = expression.exec({ pathname: url.pathname.replace(/(.)\/$/, '$1') })?.pathname.groups ?? {};
  return Object.fromEntries(Object.entries(groups).filter((e): e is [string, string] => e[1] !== undefined));
}

const FUNCTION_FILE = /\.(m?[jt]s|[cm]ts)$/;

/**
 * Imports every function module. `version` is appended to the module URLs so that a reload
 * (new content) evaluates them again and they read the new artefact.
 */
export async function loadFunctions(directory: string, version = ''): Promise<LoadedFunction[]> {
  const files = readdirSync(directory)
    .filter((f) => FUNCTION_FILE.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const loaded: LoadedFunction[] = [];
  for (const file of files) {
    const name = basename(file, extname(file));
    const url = pathToFileURL(join(directory, file)).href + (version ? `?v=${encodeURIComponent(version)}` : '');
    const mod = (await import(url)) as { default?: unknown; config?: FunctionConfig };
    if (typeof mod.default !== 'function') throw new Error(`function ${name}: its default export is not a handler`);
    const config = mod.config ?? {};
    loaded.push({
      name,
      handler: mod.default as FunctionHandler,
      config,
      routes: list(config.path).map((p) => route(name, p)),
      excluded: list(config.excludedPath).map((p) => route(name, p)),
      methods: list(config.method).map((m) => m.toUpperCase()),
    });
  }
  return loaded;
}

/** How many paths the router remembers; past it, it starts afresh (a visitor can make up paths without end). */
const ROUTE_MEMORY = 1024;

export function createFunctionRouter(functions: readonly LoadedFunction[]) {
  type Match = { fn: LoadedFunction; route: Route } | undefined;
  // Every request asks the router first, static files too, and the polyfilled URLPattern tests
  // were a fifth of a cached API answer's CPU under load: the answer for a method and path is
  // remembered (functions do not change while loaded; a reload makes a new router).
  const known = new Map<string, Match>();
  return (pathname: string, method: string): Match => {
    const key = `${method} ${pathname}`;
    if (known.has(key)) return known.get(key);
    const path = (pathname !== '/' && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname).toLowerCase();
    let found: Match;
    for (const fn of functions) {
      if (fn.methods.length && !fn.methods.includes(method)) continue;
      const r = fn.routes.find((candidate) => routeMatches(candidate, path));
      if (!r) continue;
      if (fn.excluded.some((x) => routeMatches(x, path))) continue;
      found = { fn, route: r };
      break;
    }
    if (known.size >= ROUTE_MEMORY) known.clear();
    known.set(key, found);
    return found;
  };
}

/**
 * The self-hosted runtime: the site handler (src/runtime/site-handler.ts) on srvx, a maintained
 * web-standard server for Node (https://srvx.h3.dev/), with the function modules loaded once, their
 * schedules running, and a reload that picks up a new build (new artefact, pages or netlify.toml)
 * without dropping a request.
 */
import { FastResponse, serve, type Server, type ServerRequest, type TrustProxyOption } from 'srvx';
import { loadFunctions, type LoadedFunction } from './functions.ts';
import { readSiteSettings } from './netlify-toml.ts';
import { startSchedules, type Schedules } from './schedules.ts';
import { createSiteHandler, type SiteHandler } from './site-handler.ts';

/** Netlify's limit for a synchronous function's request body. */
const MAX_BODY = 6 * 1024 * 1024;

export interface SiteServerOptions {
  root: string;
  port?: number;
  hostname?: string;
  /** Trust X-Forwarded-For/-Proto/-Host from these hops (a reverse proxy in front). */
  trustProxy?: TrustProxyOption;
  /** Run scheduled functions on their schedule (default true). */
  schedules?: boolean;
  log?: (message: string) => void;
}

export interface SiteServer {
  url: string;
  port: number;
  functions(): readonly LoadedFunction[];
  schedules(): Schedules | undefined;
  /** Reads netlify.toml and the function modules again (they read the artefact again). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export function trustProxyFromEnv(value: string | undefined): TrustProxyOption {
  const v = value?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  if (v === 'loopback') return 'loopback';
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * While a server runs, `Response` in this process is srvx's FastResponse
 * (https://srvx.h3.dev/guide/node#fastresponse): a drop-in for the platform's class (it is one:
 * `instanceof Response`, `headers`, `body`, `text()` all behave the same, through a platform
 * Response made on first use) that srvx writes straight to Node when nothing asked for more than
 * its status, headers and body. The functions' answers then skip undici's Headers and the chunked
 * copy of a body they already hold; under load at 10k entries that doubled what one process
 * serves, cached answers and the constant alike (bench/RESULTS.md). On Netlify the functions
 * run with the platform's own class. The last server to close puts the platform's class back.
 */
const platformResponse = globalThis.Response;
let running = 0;

function installFastResponses(): () => void {
  if (running++ === 0) globalThis.Response = FastResponse as unknown as typeof Response;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--running === 0) globalThis.Response = platformResponse;
  };
}

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const log = options.log ?? ((m: string) => console.error(m));
  const pending = new Set<Promise<unknown>>();
  const waitUntil = (promise: Promise<unknown>) => {
    const tracked = promise
      .catch((error: unknown) => log(`[runtime] background task failed: ${(error as Error)?.message}`))
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  let generation = 0;
  let current: { handler: SiteHandler; functions: LoadedFunction[]; schedules?: Schedules };
  let origin = '';

  async function build() {
    const settings = readSiteSettings(options.root);
    for (const w of settings.warnings) log(`[runtime] netlify.toml: ${w}`);
    generation++;
    const functions = await loadFunctions(settings.functionsDir, generation > 1 ? String(generation) : '');
    const handler = createSiteHandler({ settings, functions, waitUntil, log, clientIp: (request) => (request as ServerRequest).ip });
    return { handler, functions };
  }

  const first = await build();
  current = first;
  const server: Server = serve({
    fetch: (request) => current.handler.fetch(request),
    port: options.port ?? 0,
    hostname: options.hostname ?? '127.0.0.1',
    silent: true,
    gracefulShutdown: false, // the caller decides when to stop (and stops its schedules first)
    trustProxy: options.trustProxy ?? false,
    maxRequestBodySize: MAX_BODY,
    error: (error) => {
      log(`[runtime] ${(error as Error)?.stack ?? String(error)}`);
      return new Response('Internal error', { status: 500 });
    },
  });
  await server.ready();
  const nodeServer = server.node?.server as import('node:http').Server | undefined;
  // Longer than the idle timeout of the proxies that usually sit in front (nginx keeps upstream
  // connections 60 s), so that the proxy, not this server, closes an idle connection.
  if (nodeServer) {
    nodeServer.keepAliveTimeout = 65_000;
    nodeServer.headersTimeout = 66_000;
  }
  const address = nodeServer?.address();
  const port = typeof address === 'object' && address ? address.port : Number(options.port);
  origin = `http://${options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1'}:${port}`;
  if (options.schedules !== false) current.schedules = startSchedules(current.functions, origin, log);
  // Once the server is up (a start that fails leaves the platform's class in place).
  const release = installFastResponses();

  return {
    url: origin,
    port,
    functions: () => current.functions,
    schedules: () => current.schedules,
    async reload() {
      const next = await build();
      current.schedules?.stop();
      current = { ...next, schedules: options.schedules !== false ? startSchedules(next.functions, origin, log) : undefined };
    },
    async close() {
      current.schedules?.stop();
      await server.close(true);
      await Promise.allSettled([...pending]);
      release();
    },
  };
}

/**
 * `npm run serve`: the built site and its functions on this machine, in one Node process, for
 * production behind any reverse proxy or CDN (docs/self-hosting.md). Run `npm run build` first.
 *
 *   PORT            port (default 8888)
 *   HOST            address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
 *   TRUST_PROXY     trust X-Forwarded-* from: "loopback", "true" (any hop), or a comma-separated
 *                   list of proxy addresses (default: trust nothing). Rate limits count per client
 *                   address, so behind a proxy this must be set.
 *   JOIN_STORE_DIR  folder of the join's durable store (default: .data/join-store in the project)
 *   …and every setting the functions read (GITHUB_*, JOIN_*, SITE_URL: see netlify.toml).
 *
 * `--root <dir>` serves another copy of the project (its netlify.toml, functions, dist/, generated/).
 * `--local` is how `npm start` runs it: Netlify Blobs in the local Blobs server (as `netlify
 * dev` keeps them) instead of JOIN_STORE_DIR. SIGHUP reloads netlify.toml, the functions and the
 * artefact they read (after a rebuild); SIGINT/SIGTERM stop it after the requests in flight.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalBlobs } from '../src/runtime/local-blobs.ts';
import { startSiteServer, trustProxyFromEnv } from '../src/runtime/site-server.ts';

const rootArg = process.argv.indexOf('--root');
/** The project folder: this one, or another build of it (`--root <dir>`, as the load test does). */
const ROOT = rootArg > 0 && process.argv[rootArg + 1] ? resolve(process.argv[rootArg + 1]!) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const local = process.argv.includes('--local');

async function main(): Promise<void> {
  const port = Number(process.env.PORT || 8888);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT "${process.env.PORT}" is not a port number`);
  let stopBlobs = async (): Promise<void> => {};
  if (local) {
    const blobs = await startLocalBlobs(ROOT);
    stopBlobs = blobs.stop;
  } else if (!process.env.JOIN_STORE_DIR?.trim()) {
    process.env.JOIN_STORE_DIR = join(ROOT, '.data', 'join-store');
  }
  const server = await startSiteServer({
    root: ROOT,
    port,
    hostname: process.env.HOST?.trim() || '127.0.0.1',
    trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await stopBlobs();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  process.on('SIGHUP', () => {
    server.reload().then(
      () => console.log('[runtime] reloaded netlify.toml, the functions and the directory data'),
      (error: unknown) => console.error(`[runtime] reload failed, still serving the previous build: ${(error as Error).message}`),
    );
  });
  const fns = server.functions();
  const scheduled = server.schedules()?.next() ?? [];
  console.log(
    [
      `Serving ${join(ROOT, 'dist')} and ${fns.length} functions on ${server.url} (${local ? 'local Blobs server in .netlify/blobs-serve' : `join store in ${process.env.JOIN_STORE_DIR}`})`,
      ...scheduled.map((s) => `  scheduled: ${s.name} (${s.schedule} UTC), next run ${s.next?.toISOString() ?? 'never'}`),
      'ready',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  console.error(`npm run serve: ${(error as Error).message}`);
  process.exit(1);
}

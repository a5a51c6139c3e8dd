/**
 * Both runtimes answer the same requests the same way (test/runtime/conformance-cases.ts): the
 * same status, headers and body from Netlify's own local runtime (@netlify/dev, the real
 * function files bundled and routed by Netlify's code) and from the self-hosted runtime
 * (`npm run serve`, src/runtime) over real HTTP. Both read the artefact `npm test`'s pretest
 * build wrote and the site `npm run build:site` wrote (built here if missing).
 *
 * Where Netlify's local runtime answers nothing (an address no file, function or redirect
 * serves), Netlify's CDN and `netlify dev` serve the published 404.html with status 404: that
 * is what the self-hosted runtime is compared with.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { NetlifyDev } from '@netlify/dev';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSiteSettings } from '../../src/runtime/netlify-toml.ts';
import { startSiteServer, type SiteServer } from '../../src/runtime/site-server.ts';
import { startNetlifyRuntime } from '../support/netlify-runtime.ts';
import { CASES, TRANSPORT_HEADERS, type ConformanceCase } from './conformance-cases.ts';

const root = join(import.meta.dirname, '..', '..');
const HOST = 'localhost:8888';
const STORE = `conformance-${process.pid}`;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let dev: NetlifyDev;
let server: SiteServer;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.html')) || !existsSync(join(root, 'dist', 'admin', 'index.html'))) {
    execFileSync('npm', ['run', '--silent', 'build:site'], { cwd: root, stdio: 'inherit' });
    execFileSync('npm', ['run', '--silent', 'build:admin'], { cwd: root, stdio: 'inherit' });
  }
  vi.stubEnv('JOIN_STORE', STORE);
  vi.stubEnv('JOIN_STORE_DIR', '');
  vi.stubEnv('SITE_URL', `http://${HOST}`);
  for (const name of ['GITHUB_REPOSITORY', 'GITHUB_TOKEN', 'GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_INSTALLATION_ID']) vi.stubEnv(name, '');
  dev = await startNetlifyRuntime(root, { skipGitignore: true });
  // In the same process, after @netlify/dev has set NETLIFY_BLOBS_CONTEXT: both use its Blobs server.
  server = await startSiteServer({ root, port: 0, schedules: false, log: () => undefined });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await dev?.stop();
  vi.unstubAllEnvs();
  for (const dir of ['entries', 'metadata']) rmSync(join(root, '.netlify', 'blobs-serve', dir, '0', STORE), { recursive: true, force: true });
});

function headerMap(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

async function viaNetlify(c: ConformanceCase, extra: Record<string, string> = {}): Promise<Answer> {
  const response = await dev.handle(new Request(`http://${HOST}${c.path}`, { ...c.init, headers: { ...c.init?.headers, ...extra } }));
  if (!response) {
    const page = readFileSync(join(root, 'dist', '404.html'), 'utf8');
    return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate' }, body: page };
  }
  // Bytes as sent (Response.text() would drop a byte-order mark, which the CSV carries).
  return { status: response.status, headers: headerMap(response.headers), body: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

/** Real HTTP, with the Host header the Netlify side sees, so origins in answers agree. */
function viaSelfHosted(c: ConformanceCase, extra: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: c.path, method: c.init?.method ?? 'GET', headers: { ...c.init?.headers, ...extra, Host: HOST } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(c.init?.body);
  });
}

async function answers(c: ConformanceCase): Promise<[Answer, Answer]> {
  if (!c.revalidate) return [await viaNetlify(c), await viaSelfHosted(c)];
  const netlifyTag = (await viaNetlify(c)).headers.etag!;
  const ownTag = (await viaSelfHosted(c)).headers.etag!;
  expect(netlifyTag).toBe(ownTag);
  return [await viaNetlify(c, { 'If-None-Match': netlifyTag }), await viaSelfHosted(c, { 'If-None-Match': ownTag })];
}

/**
 * The headers that describe the answer: not transport, not the runtime's own bookkeeping
 * (`x-nf-…`, which Netlify's edge strips), and not the ETag of a file, which Netlify's CDN adds
 * and its local runtime does not.
 */
function comparable(netlify: Answer, own: Answer, c: ConformanceCase): [Record<string, string>, Record<string, string>] {
  const keep = (h: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(h).filter(
        ([k]) => !TRANSPORT_HEADERS.has(k) && !k.startsWith('x-nf-') && !(k === 'etag' && (!netlify.headers.etag || c.tagFollowsOrigin)),
      ),
    );
  // @netlify/dev sends no [[headers]] with its 404 page; the self-hosted server sends the security
  // headers netlify.toml declares for every path on every answer (issue 10), a difference on the
  // strict side, so only those are left out of the comparison.
  const declared = new Set(readSiteSettings(root).headers.flatMap((rule) => Object.keys(rule.values).map((n) => n.toLowerCase())));
  const ownKept = keep(own.headers);
  if (own.status === 404) for (const name of Object.keys(ownKept)) if (declared.has(name) && netlify.headers[name] === undefined) delete ownKept[name];
  return [keep(netlify.headers), ownKept];
}

describe('Netlify and the self-hosted runtime answer alike', { timeout: 120_000 }, () => {
  it.each(CASES)('$name: $path', async (c) => {
    const [netlify, own] = await answers(c);
    expect(netlify.status, 'Netlify status').toBe(c.status);
    expect(own.status, 'self-hosted status').toBe(c.status);
    const normalise = c.normalise ?? ((x: string) => x);
    const [a, b] = comparable(netlify, own, c).map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, normalise(v)])));
    expect(b).toEqual(a);
    expect(normalise(own.body)).toBe(normalise(netlify.body));
    if (c.contains) expect(own.body).toContain(c.contains);
  });

  it('applies every [[headers]] rule of netlify.toml to files, as Netlify does', async () => {
    const rules = readSiteSettings(root).headers;
    for (const rule of rules) {
      const path = rule.for
        .replace(/\/\*$/, '/')
        .replace(/:[^/]+/g, 'x')
        .replace(/\*/g, 'x');
      const c: ConformanceCase = { name: rule.for, path, status: 200 };
      const [netlify, own] = [await viaNetlify(c), await viaSelfHosted(c)];
      for (const name of Object.keys(rule.values)) expect(own.headers[name.toLowerCase()], `${name} on ${path}`).toBe(netlify.headers[name.toLowerCase()]);
    }
  });
});

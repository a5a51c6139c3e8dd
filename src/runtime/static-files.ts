/**
 * The published folder (`[build] publish`, dist/) served as Netlify serves it: for `/a` the file
 * `a`, then `a.html`, `a.htm`, `a/index.html`, `a/index.htm`; for `/a/` the files `a.html`,
 * `a/index.html`… (the same candidates as @netlify/static, which Netlify's local runtime uses);
 * `Cache-Control: public, max-age=0, must-revalidate` so that browsers and caches revalidate each
 * file with its ETag, as on Netlify's CDN. Custom headers are the caller's (netlify.toml).
 *
 * Paths are decoded segment by segment; a segment that decodes to a separator, a NUL or a dot
 * segment is refused, and the resolved file must lie inside the folder.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import mime from 'mime-types';

export const STATIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface StaticFile {
  path: string;
  body: Buffer;
  etag: string;
  type: string;
}

const ASSET = /\.(html?|png|jpg|js|css|svg|gif|ico|woff|woff2)$/;

function candidates(pathname: string): string[] {
  const out: string[] = [];
  if (pathname.endsWith('/')) {
    const base = pathname.slice(0, -1);
    if (pathname !== '/') out.push(`${base}.html`, `${base}.htm`);
    out.push(`${pathname}index.html`, `${pathname}index.htm`);
  } else if (!ASSET.test(pathname)) {
    out.push(`${pathname}.html`, `${pathname}.htm`, `${pathname}/index.html`, `${pathname}/index.htm`);
  }
  return out.includes(pathname) ? out : [pathname, ...out];
}

function decodeSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (!raw) continue;
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (part === '.' || part === '..' || /[/\\\0]/.test(part)) return undefined;
    segments.push(part);
  }
  return segments;
}

/**
 * Finds and reads files, keeping recently served ones in memory (checked against their size and
 * modification time on every request, so a rebuild is served at once).
 */
export function createStaticFiles(root: string, maxCachedBytes = 64 * 1024 * 1024) {
  const base = resolve(root);
  const cache = new Map<string, { mtimeMs: number; size: number; file: StaticFile }>();
  let cachedBytes = 0;

  async function read(path: string): Promise<StaticFile | undefined> {
    let info: import('node:fs').Stats;
    try {
      info = await stat(path);
    } catch (error) {
      if (['ENOENT', 'ENOTDIR', 'ENAMETOOLONG'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw error;
    }
    if (!info.isFile()) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) {
      cache.delete(path); // most recently used last
      cache.set(path, hit);
      return hit.file;
    }
    const body = await readFile(path);
    const file: StaticFile = {
      path,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      type: mime.contentType(extname(path)) || 'application/octet-stream',
    };
    if (hit) {
      cache.delete(path);
      cachedBytes -= hit.size;
    }
    if (body.length <= maxCachedBytes / 16) {
      cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, file });
      cachedBytes += body.length;
      for (const [k, v] of cache) {
        if (cachedBytes <= maxCachedBytes) break;
        cache.delete(k);
        cachedBytes -= v.size;
      }
    }
    return file;
  }

  return {
    root: base,
    /** The file Netlify would serve for this URL path, if any. */
    async find(pathname: string): Promise<StaticFile | undefined> {
      for (const candidate of candidates(pathname)) {
        const segments = decodeSegments(candidate);
        if (!segments) return undefined;
        const path = resolve(base, ...segments);
        if (path !== base && !path.startsWith(base + sep)) return undefined;
        const file = await read(path);
        if (file) return file;
      }
      return undefined;
    },
  };
}

export type StaticFiles = ReturnType<typeof createStaticFiles>;

/** A 200 (or 304 for a matching If-None-Match) for a static file, before custom headers. */
export function staticResponse(file: StaticFile, request: Request, status = 200): Response {
  const headers = new Headers({
    'Cache-Control': STATIC_CACHE_CONTROL,
    'Content-Type': file.type,
    ETag: file.etag,
    'Content-Length': String(file.body.byteLength),
  });
  if (
    status === 200 &&
    request.headers
      .get('if-none-match')
      ?.split(/\s*,\s*/)
      .some((t) => t === file.etag || t === `W/${file.etag}` || t === '*')
  ) {
    headers.delete('Content-Length');
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body.buffer as ArrayBuffer, file.body.byteOffset, file.body.byteLength), {
    status,
    headers,
  });
}

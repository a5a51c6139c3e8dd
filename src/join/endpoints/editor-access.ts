/**
 * Who may read applications (their encrypted contact details, their records): the editors, and
 * nobody else. Two ways to be one:
 *
 * - **GitHub** (production): the caller sends the GitHub token Decap CMS holds after the editor's
 *   GitHub login (`Authorization: token …`). One call, `GET /repos/{owner}/{repo}`, answers with
 *   `permissions.push` for that token's user: write access to the content repository is what makes
 *   an editor in the CMS too. https://docs.github.com/rest/repos/repos#get-a-repository
 *   The answer is kept for a minute under a hash of the token (never the token), so a page that
 *   lists, then unlocks, then forgets costs one call. Only definite answers are kept; the token is
 *   never logged, stored or echoed.
 * - **Local** (the embedded default, `npm start`): the local CMS has no login, so the request must
 *   come from this machine (loopback address) to a loopback host name — the Host check stops a
 *   web page that rebinds its own domain to 127.0.0.1 from reading the answers.
 *
 * Either way the ciphertexts stay ciphertexts: decryption happens in the editor's browser.
 */
import { createHash } from 'node:crypto';
import type { Log } from '../log.ts';

export type AccessResult = { ok: true } | { ok: false; status: 401 | 403 | 503; reason: AccessRefusal };
export type EditorAccess = (request: Request, clientIp?: string) => Promise<AccessResult>;

export interface GitHubAccessOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  log: Log;
  /** How long a definite answer is kept (default one minute). */
  ttlMs?: number;
  /** How long GitHub may take (default 5 s). */
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

const CACHE_MAX = 500;

/** Why access was refused; the endpoint says it in the caller's language (catalogue `api.editor.<reason>`). */
export type AccessRefusal = 'noToken' | 'badToken' | 'noPush' | 'githubDown' | 'notLocal';

export function githubEditorAccess(options: GitHubAccessOptions): EditorAccess {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  /** sha256(token) → answer and expiry; bounded, oldest first out. */
  const cache = new Map<string, { until: number; result: AccessResult }>();
  const remember = (key: string, result: AccessResult) => {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, { until: now() + ttl, result });
    return result;
  };

  return async (request) => {
    const token = /^(?:token|bearer)\s+([\w.-]{1,255})$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'noToken' };
    const key = createHash('sha256').update(token).digest('hex');
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.result;
    cache.delete(key);

    let response: Response;
    try {
      response = await doFetch(`${options.apiUrl}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`, {
        headers: {
          Authorization: `token ${token}`,
          Accept: 'application/vnd.github+json',
          'User-Agent': 'solidarity-directory-applications',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
    } catch (error) {
      options.log.warn(`[applications] GitHub could not be asked about an editor's access (${(error as Error)?.name ?? 'error'})`);
      return { ok: false, status: 503, reason: 'githubDown' };
    }
    if (response.status === 200) {
      const repository = (await response.json().catch(() => null)) as { permissions?: { push?: boolean } } | null;
      if (repository === null) return { ok: false, status: 503, reason: 'githubDown' };
      return remember(key, repository.permissions?.push === true ? { ok: true } : { ok: false, status: 403, reason: 'noPush' });
    }
    await response.body?.cancel();
    if (response.status === 401) return remember(key, { ok: false, status: 401, reason: 'badToken' });
    // 404: GitHub hides a repository the token cannot see; 403: refused (a rate limit says so in its headers).
    if (response.status === 404 || (response.status === 403 && response.headers.get('x-ratelimit-remaining') !== '0' && !response.headers.has('retry-after'))) {
      return remember(key, { ok: false, status: 403, reason: 'noPush' });
    }
    options.log.warn(`[applications] GitHub answered ${response.status} when asked about an editor's access`);
    return { ok: false, status: 503, reason: 'githubDown' };
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopbackIp = (ip: string) => /^127\./.test(ip) || ip === '::1' || /^::ffff:127\./i.test(ip);

/** The embedded default: loopback only. `clientIp` from the runtime (Netlify's `context.ip`). */
export function localEditorAccess(): EditorAccess {
  return async (request, clientIp) => {
    const ip = clientIp ?? request.headers.get('x-nf-client-connection-ip') ?? '';
    const host = new URL(request.url).hostname;
    return isLoopbackIp(ip) && LOOPBACK_HOSTS.has(host) ? { ok: true } : { ok: false, status: 403, reason: 'notLocal' };
  };
}

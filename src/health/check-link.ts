/**
 * One link, checked the way a careful crawler does: HEAD first (no body), GET when HEAD is
 * refused or fails (many servers answer HEAD wrongly), every redirect followed by hand so the
 * report can say where the link now goes, each request bounded by a timeout, and a User-Agent
 * that names the directory so a site's operator knows who is asking.
 *
 * Verdicts are chosen so that a network problem on our side can never call a site dead: only an
 * answer from the site itself (404 or 410) is "dead"; a timeout, a reset, a refused connection or
 * a failed DNS lookup is "unreachable".
 *
 * fetch with `redirect: 'manual'` returns the 3xx answer with its Location header in Node (undici),
 * https://developer.mozilla.org/docs/Web/API/RequestInit#redirect; the body of a GET is cancelled
 * once the status is known (https://developer.mozilla.org/docs/Web/API/ReadableStream/cancel).
 */

export type LinkVerdict = 'ok' | 'redirected' | 'dead' | 'failing' | 'unreachable';

export interface LinkResult {
  url: string;
  verdict: LinkVerdict;
  /** The last HTTP status answered, if any answer came. */
  status?: number;
  /** Every redirect followed, in order. */
  redirects: { from: string; to: string; status: number }[];
  /** Where the link ends up after redirects. */
  finalUrl: string;
  /** True when every redirect was permanent (301, 308): the entry should record the new address. */
  permanent?: boolean;
  /** What went wrong, in a few words (timeout, connection reset, DNS…). */
  problem?: string;
  /** HEAD failed and GET was used. */
  usedGet?: boolean;
}

export interface LinkCheckOptions {
  fetch: typeof globalThis.fetch;
  userAgent: string;
  timeoutMs: number;
  maxRedirects?: number;
}

const DEAD = new Set([404, 410]);

/** The words a person reads for a fetch failure: undici puts the system error in `cause`. */
export function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer in time (timeout)';
  const code = e?.cause?.code ?? '';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'name not found (DNS)';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'no answer in time (timeout)';
  if (/certificate|SSL|TLS/i.test(`${code} ${e?.cause?.message ?? ''}`)) return 'TLS certificate problem';
  return code ? `network error (${code})` : `network error (${e?.cause?.message ?? e?.message ?? 'unknown'})`;
}

type Hop = { status: number; location?: string } | { error: unknown };

async function request(url: string, method: 'HEAD' | 'GET', options: LinkCheckOptions): Promise<Hop> {
  try {
    const response = await options.fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'User-Agent': options.userAgent, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    await response.body?.cancel().catch(() => undefined); // the status is all we need; the connection is released either way
    return { status: response.status, location: response.headers.get('location') ?? undefined };
  } catch (error) {
    return { error };
  }
}

/** Follows one method's redirects from `url`. */
async function follow(url: string, method: 'HEAD' | 'GET', options: LinkCheckOptions): Promise<Omit<LinkResult, 'url'>> {
  const redirects: LinkResult['redirects'] = [];
  let current = url;
  for (let hop = 0; ; hop++) {
    const answer = await request(current, method, options);
    if ('error' in answer) return { verdict: 'unreachable', redirects, finalUrl: current, problem: describeFailure(answer.error) };
    const { status, location } = answer;
    if (status >= 300 && status < 400 && location) {
      if (hop >= (options.maxRedirects ?? 5)) return { verdict: 'failing', status, redirects, finalUrl: current, problem: 'too many redirects' };
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        return { verdict: 'failing', status, redirects, finalUrl: current, problem: 'redirect to an invalid address' };
      }
      redirects.push({ from: current, to: next, status });
      current = next;
      continue;
    }
    if (status >= 200 && status < 300) {
      return redirects.length === 0
        ? { verdict: 'ok', status, redirects, finalUrl: current }
        : { verdict: 'redirected', status, redirects, finalUrl: current, permanent: redirects.every((r) => r.status === 301 || r.status === 308) };
    }
    if (DEAD.has(status)) return { verdict: 'dead', status, redirects, finalUrl: current };
    return { verdict: 'failing', status, redirects, finalUrl: current, problem: `HTTP ${status}` };
  }
}

export async function checkLink(url: string, options: LinkCheckOptions): Promise<LinkResult> {
  const head = await follow(url, 'HEAD', options);
  // A good HEAD answer is the answer. A timeout will not be faster with GET; anything else
  // (405, 501, 403 to HEAD only, a server that resets HEAD) deserves a GET before a verdict.
  if (head.verdict === 'ok' || head.verdict === 'redirected' || head.problem === 'no answer in time (timeout)') return { url, ...head };
  const get = await follow(url, 'GET', options);
  return { url, ...get, usedGet: true };
}

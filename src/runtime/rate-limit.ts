/**
 * The rate limits functions declare (`config.rateLimit`), applied before the function runs, as
 * Netlify does at its edge: at most `windowLimit` requests per `windowSize` seconds per client IP
 * and/or per domain (`aggregateBy`); past it, a 429 (or, with `action: "rewrite"`, the answer of
 * the path `to`).
 * https://docs.netlify.com/manage/security/secure-access-to-sites/rate-limiting/
 *
 * Counted with a sliding window estimated from two fixed windows (the previous window's count
 * weighted by how much of it still overlaps), which needs two numbers per client instead of a
 * timestamp per request. Memory is bounded: clients idle for two windows are forgotten, and past
 * `maxKeys` clients the oldest are dropped first.
 */
import type { RateLimit } from './functions.ts';

export interface RateLimiter {
  /** Counts the request; true when it is over the limit. */
  over(key: { ip: string; domain: string }): boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfter(): number;
}

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now, maxKeys = 100_000): RateLimiter {
  const windowMs = limit.windowSize * 1000;
  const by = new Set(Array.isArray(limit.aggregateBy) ? limit.aggregateBy : [limit.aggregateBy ?? 'ip']);
  const counts = new Map<string, { window: number; current: number; previous: number }>();
  return {
    over({ ip, domain }) {
      const t = now();
      const window = Math.floor(t / windowMs);
      const key = `${by.has('ip') ? ip : ''}|${by.has('domain') ? domain.toLowerCase() : ''}`;
      let c = counts.get(key);
      if (!c || c.window < window - 1) c = { window, current: 0, previous: 0 };
      else if (c.window === window - 1) c = { window, current: 0, previous: c.current };
      counts.delete(key); // re-inserted below: Map order is then least-recently-seen first
      const overlap = 1 - (t - window * windowMs) / windowMs;
      const estimate = c.previous * overlap + c.current;
      const refused = estimate >= limit.windowLimit;
      if (!refused) c.current++;
      counts.set(key, c);
      if (counts.size > maxKeys) {
        for (const [k, v] of counts) {
          if (counts.size <= maxKeys && v.window >= window - 1) break;
          counts.delete(k);
        }
      }
      return refused;
    },
    retryAfter() {
      const t = now();
      return Math.max(1, Math.ceil(((Math.floor(t / windowMs) + 1) * windowMs - t) / 1000));
    },
  };
}

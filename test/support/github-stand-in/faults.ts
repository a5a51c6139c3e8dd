/**
 * The ways GitHub fails, as the stand-in can play them. Each is what GitHub actually sends
 * (status, headers, body); see README.md for where each shape comes from.
 */
import { errorBody } from './responses.ts';

export type Fault =
  /** A 5xx from GitHub's front end (502/504 come as HTML from the load balancer). */
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504 }
  /** 403 "You have exceeded a secondary rate limit", with Retry-After (seconds). */
  | { kind: 'secondary-rate-limit'; retryAfter: number }
  /** 403 with X-RateLimit-Remaining: 0 and a reset time `resetIn` seconds away. */
  | { kind: 'primary-rate-limit'; resetIn: number }
  /** 429 Too Many Requests (secondary limits are sometimes sent so), with Retry-After. */
  | { kind: 'too-many-requests'; retryAfter: number }
  /** 422 "Reference already exists" (POST /git/refs on a branch that exists). */
  | { kind: 'reference-exists' }
  /** The connection is reset before any answer. */
  | { kind: 'connection-reset' }
  /** The normal answer, but only after `ms` (to outlast a time budget). */
  | { kind: 'slow'; ms: number }
  /** Anything else: a status, a JSON body, headers. */
  | { kind: 'answer'; status: number; body: unknown; headers?: Record<string, string> };

export interface FaultRule {
  /** Upper-case method; any when absent. */
  method?: string;
  /** The request path (no query), exactly or by pattern. */
  path: string | RegExp;
  /** How many matching requests it applies to (default 1; Infinity for all). */
  times?: number;
  fault: Fault;
}

export interface Played {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Played => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** The answer a fault plays, or undefined for faults that are not answers (reset, slow). */
export function play(fault: Fault, nowSeconds: number): Played | undefined {
  switch (fault.kind) {
    case 'server-error':
      return fault.status === 500
        ? json(500, errorBody(500, 'Server Error'))
        : {
            status: fault.status,
            headers: { 'content-type': 'text/html' },
            body: `<html><body><h1>${fault.status} ${fault.status === 502 ? 'Bad Gateway' : fault.status === 503 ? 'Service Unavailable' : 'Gateway Timeout'}</h1></body></html>`,
          };
    case 'secondary-rate-limit':
      return json(
        403,
        errorBody(
          403,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:00000:0000000:0000000:00000000.',
          'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
        { 'retry-after': String(fault.retryAfter) },
      );
    case 'primary-rate-limit':
      return json(
        403,
        errorBody(403, 'API rate limit exceeded for installation ID 1000.', 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'),
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(nowSeconds + fault.resetIn),
          'x-ratelimit-resource': 'core',
        },
      );
    case 'too-many-requests':
      return json(
        429,
        errorBody(
          429,
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
        { 'retry-after': String(fault.retryAfter) },
      );
    case 'reference-exists':
      return json(422, errorBody(422, 'Reference already exists', 'https://docs.github.com/rest/git/refs#create-a-reference'));
    case 'answer':
      return json(fault.status, fault.body, fault.headers);
    default:
      return undefined;
  }
}

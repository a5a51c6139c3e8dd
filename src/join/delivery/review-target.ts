/**
 * Where an application goes to be reviewed: a pull request on GitHub, or a branch in the local
 * repository (the embedded default). Both open the same Decap-shaped change; the durable delivery
 * (deliver.ts) drives either without knowing which.
 *
 * `open` is resumable and idempotent: it reads what earlier attempts did from the record's
 * delivery progress, saves its own progress after each step, and recognises its own branch and
 * pull request if a previous attempt created them and then failed or died.
 */
import type { ApplicationRecord, DeliveryProgress } from '../store/application-store.ts';
import type { Deadline } from './deadline.ts';

export type ReviewState = 'open' | 'merged' | 'closed';

export interface ReviewTarget {
  readonly kind: 'github' | 'local-git';
  open(record: ApplicationRecord, save: (progress: DeliveryProgress) => Promise<void>, deadline: Deadline): Promise<DeliveryProgress>;
  /** What editors did with an opened application; undefined when it cannot be told right now. */
  status(record: ApplicationRecord, deadline: Deadline): Promise<ReviewState | undefined>;
}

/** A delivery attempt failed; `code` is short and carries no data (`github_502`, `timeout`, `labels_failed`). */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`delivery failed: ${code}`, options);
    this.name = 'DeliveryError';
  }
}

/** Any error → a short code for logs and records: never a message, which may quote a request. */
export function errorCode(error: unknown): string {
  if (error instanceof DeliveryError) return error.code;
  const e = error as { name?: string; status?: number; response?: unknown; cause?: { name?: string } };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'timeout';
  if (e?.name === 'HttpError' && typeof e.status === 'number') {
    if (e.response) return `github_${e.status}`;
    // Octokit wraps fetch failures in a 500 without a response; the deadline's abort is its cause.
    return e.cause?.name === 'TimeoutError' || e.cause?.name === 'AbortError' ? 'timeout' : 'network';
  }
  return 'unexpected';
}

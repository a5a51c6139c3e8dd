/** The time one delivery may take: every GitHub request and git command of it stops by then. */
export interface Deadline {
  signal: AbortSignal;
  /** Epoch milliseconds after which no request may still be running. */
  at: number;
}

export function deadlineIn(ms: number): Deadline {
  return { signal: AbortSignal.timeout(Math.max(1, ms)), at: Date.now() + ms };
}

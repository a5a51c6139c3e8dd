/**
 * Polite concurrency for the link check: at most `total` requests at once overall and at most
 * `perHost` to any one host, with a pause between two jobs on the same host, so checking a
 * directory where forty entries cite one news site never looks like an attack on it.
 * No module state: each check creates its own limiter.
 */

export interface Concurrency {
  total: number;
  perHost: number;
  /** Pause after a job before the next one on the same host starts. */
  perHostDelayMs: number;
}

export const POLITE: Concurrency = { total: 6, perHost: 1, perHostDelayMs: 1000 };

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Runs `job` for every item, keyed by host, within the limits; resolves with the results in the
 * items' order. `sleep` is injectable so tests do not wait.
 */
export async function runPolitely<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  job: (item: T) => Promise<R>,
  limits: Concurrency,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const queues = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    queues.set(key, [...(queues.get(key) ?? []), i]);
  });
  const busy = new Map<string, number>();
  let running = 0;
  return new Promise<R[]>((resolve, reject) => {
    let remaining = items.length;
    if (remaining === 0) return resolve(results);
    const pump = () => {
      for (const [key, queue] of queues) {
        while (queue.length > 0 && running < limits.total && (busy.get(key) ?? 0) < limits.perHost) {
          const index = queue.shift()!;
          running++;
          busy.set(key, (busy.get(key) ?? 0) + 1);
          job(items[index]!)
            .then((r) => {
              results[index] = r;
            })
            .then(async () => {
              running--; // the overall slot is free now; the host's waits out its pause
              pump();
              if (queue.length > 0 && limits.perHostDelayMs > 0) await sleep(limits.perHostDelayMs);
            })
            .then(() => {
              busy.set(key, busy.get(key)! - 1);
              if (--remaining === 0) resolve(results);
              else pump();
            })
            .catch(reject);
        }
      }
    };
    pump();
  });
}

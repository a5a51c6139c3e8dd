/**
 * The durable delivery queue: an outbox in the same Blobs store as the records. An application is
 * put in the outbox *before* the first delivery attempt, and taken out only once its pull request
 * is open, so nothing is lost if GitHub fails, the function times out, or the process dies between
 * two steps. The scheduled function and `npm run join:deliver` drain it.
 *
 *   outbox/<reference>  { not_before, leased_until?, attempts }
 *
 * A worker *leases* an item (a conditional write on its ETag) before delivering it, so the
 * scheduled run and an operator's run never deliver the same application at the same time; and
 * delivery itself is idempotent (see deliver.ts), so even a lost lease cannot open a second pull
 * request.
 */
import type { BlobStore, Clock } from './application-store.ts';

export interface QueueItem {
  reference: string;
  not_before: string;
  leased_until?: string;
  attempts: number;
}

/** Minutes to wait before the next attempt: 1, 5, 15, 30, then every hour. */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 30][attempts - 1] ?? 60;
  return minutes * 60_000;
}

export function createQueue(blobs: BlobStore, clock: Clock) {
  const key = (reference: string) => `outbox/${reference}`;

  async function read(reference: string): Promise<{ item: QueueItem; etag: string } | null> {
    const found = await blobs.getWithMetadata(key(reference), { type: 'json', consistency: 'strong' });
    return found ? { item: found.data as QueueItem, etag: found.etag ?? '' } : null;
  }

  return {
    /** Puts an application in the outbox; a first attempt may run until `notBefore`. */
    async enqueue(reference: string, notBefore: Date, attempts = 0): Promise<void> {
      await blobs.setJSON(key(reference), { reference, not_before: notBefore.toISOString(), attempts } satisfies QueueItem);
    },
    read,
    async list(): Promise<QueueItem[]> {
      const { blobs: listed } = await blobs.list({ prefix: 'outbox/' });
      const items = await Promise.all(listed.map((b) => read(b.key.slice('outbox/'.length))));
      return items
        .filter((x): x is { item: QueueItem; etag: string } => x !== null)
        .map((x) => x.item)
        .sort((a, b) => (a.not_before < b.not_before ? -1 : a.not_before > b.not_before ? 1 : 0));
    },
    /** Items whose time has come and that nobody holds, oldest first. */
    async due(): Promise<QueueItem[]> {
      const now = clock().toISOString();
      return (await this.list()).filter((i) => i.not_before <= now && (!i.leased_until || i.leased_until <= now));
    },
    /** Takes an item for `ms`; false if another worker took or changed it meanwhile. */
    async lease(reference: string, ms: number, ignoreSchedule = false): Promise<QueueItem | null> {
      const found = await read(reference);
      if (!found) return null;
      const now = clock();
      if (found.item.leased_until && found.item.leased_until > now.toISOString()) return null;
      if (!ignoreSchedule && found.item.not_before > now.toISOString()) return null;
      const leased: QueueItem = { ...found.item, leased_until: new Date(now.getTime() + ms).toISOString() };
      const { modified } = await blobs.setJSON(key(reference), leased, { onlyIfMatch: found.etag });
      return modified ? leased : null;
    },
    /** Gives an item back after a failed attempt, to be tried again later. */
    async defer(reference: string, attempts: number): Promise<Date> {
      const next = new Date(clock().getTime() + retryDelayMs(attempts));
      await blobs.setJSON(key(reference), { reference, not_before: next.toISOString(), attempts } satisfies QueueItem);
      return next;
    },
    async complete(reference: string): Promise<void> {
      await blobs.delete(key(reference));
    },
  };
}

export type DeliveryQueue = ReturnType<typeof createQueue>;

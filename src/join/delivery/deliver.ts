/**
 * The delivery port: the join pipeline hands it an application and learns whether its pull
 * request is open or it is queued; it never knows whether GitHub, the local repository or the
 * queue was involved.
 *
 * Nothing is lost: the application's contact bundle, its place in the outbox and its record are
 * written (each only if new, so a repeated submission changes nothing) *before* the first attempt;
 * the outbox item is removed only once the pull request is open and labelled. Every failure —
 * GitHub 5xx, rate limits, network errors, the time budget running out, a failed label — leaves the
 * application queued for the scheduled function or `npm run join:deliver`.
 *
 * Exactly once: a queued item is leased before it is delivered, and delivery itself is idempotent
 * (review targets resume from the recorded progress and recognise their own branch and pull
 * request), so neither two workers nor a retry after a half-finished attempt opens a second one.
 */
import type { ApplicationRecord, ApplicationStore, Clock, DeliveryProgress } from '../store/application-store.ts';
import { deadlineIn } from './deadline.ts';
import { type Log } from '../log.ts';
import type { DeliveryQueue } from '../store/queue.ts';
import { errorCode, type ReviewTarget } from './review-target.ts';

export interface DeliveryOptions {
  store: ApplicationStore;
  queue: DeliveryQueue;
  target: ReviewTarget;
  clock: Clock;
  log: Log;
  /** How long one attempt may take inside a request (the applicant is waiting). */
  budgetMs: number;
}

export interface DrainReport {
  delivered: string[];
  queued: string[];
  skipped: string[];
}

/** Time the scheduled run keeps in reserve so it always ends before its own limit. */
const MIN_ATTEMPT_MS = 3_000;

export function createDelivery(options: DeliveryOptions) {
  const { store, queue, target, clock, log } = options;
  const now = () => clock().toISOString();

  async function attempt(record: ApplicationRecord, budgetMs: number): Promise<ApplicationRecord> {
    let current = record;
    const save = async (delivery: DeliveryProgress) => {
      current = { ...current, delivery, updated_at: now() };
      await store.save(current);
    };
    try {
      const progress = await target.open(current, save, deadlineIn(budgetMs));
      // A correction whose values the entry holds already is accepted; one whose entry is gone cannot be.
      const state = progress.settled === 'already_applied' ? 'accepted' : progress.settled === 'entry_gone' ? 'declined' : 'pull_request_opened';
      current = { ...current, state, delivery: { ...progress, last_error: undefined }, updated_at: now() };
      await store.save(current);
      await queue.complete(current.reference);
      log.info(`[join] ${current.reference}: ${progress.settled ? `settled without review (${progress.settled})` : `opened for review (${target.kind} ${progress.pull_request?.url ?? progress.branch})`}`);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'unexpected') log.error(`[join] ${current.reference}: unexpected delivery error ${(error as Error)?.name ?? ''}`);
      const attempts = current.delivery.attempts + 1;
      current = { ...current, state: 'queued', delivery: { ...current.delivery, attempts, last_error: code }, updated_at: now() };
      await store.save(current);
      const next = await queue.defer(current.reference, attempts);
      log.warn(`[join] ${current.reference}: queued after ${code} (attempt ${attempts}); next attempt after ${next.toISOString()}`);
    }
    return current;
  }

  return {
    /**
     * Takes a new application in and tries to deliver it at once. `created` is false when this
     * reference was submitted before: then nothing is written and the existing record returned.
     */
    async submit(record: ApplicationRecord, contactCiphertext: string): Promise<{ record: ApplicationRecord; created: boolean }> {
      const existing = await store.get(record.reference);
      if (existing) return { record: existing, created: false };
      await store.putContact(record.reference, contactCiphertext);
      // In the outbox first, due only after this attempt's budget: the scheduled run leaves it alone meanwhile.
      await queue.enqueue(record.reference, new Date(clock().getTime() + options.budgetMs + 60_000));
      if (!(await store.create(record))) {
        return { record: (await store.get(record.reference)) ?? record, created: false };
      }
      return { record: await attempt(record, options.budgetMs), created: true };
    },

    /**
     * Delivers what is due in the queue within `budgetMs`: or only `reference`, or everything
     * queued (`all`), now, whatever the back-off says (the operator's choice).
     */
    async drain(budgetMs: number, options: { reference?: string; all?: boolean } = {}): Promise<DrainReport> {
      const report: DrainReport = { delivered: [], queued: [], skipped: [] };
      const started = Date.now();
      const now = options.reference !== undefined || options.all === true;
      const items = options.reference !== undefined ? [{ reference: options.reference }] : options.all ? await queue.list() : await queue.due();
      for (const { reference } of items) {
        const left = budgetMs - (Date.now() - started);
        if (left < MIN_ATTEMPT_MS) {
          report.skipped.push(reference);
          continue;
        }
        const leased = await queue.lease(reference, left + 60_000, now);
        if (!leased) {
          report.skipped.push(reference);
          continue;
        }
        const record = await store.get(reference);
        if (!record) {
          // An outbox item whose record was never written (the request died in between): nothing to deliver.
          await queue.complete(reference);
          report.skipped.push(reference);
          continue;
        }
        if (record.state !== 'received' && record.state !== 'queued') {
          await queue.complete(reference);
          report.skipped.push(reference);
          continue;
        }
        const result = await attempt(record, left - 1_000);
        (result.state === 'pull_request_opened' ? report.delivered : report.queued).push(reference);
      }
      return report;
    },

    /** Asks the review target what editors did, and records accepted or declined. */
    async refresh(record: ApplicationRecord, budgetMs = 3_000): Promise<ApplicationRecord> {
      if (record.state !== 'pull_request_opened') return record;
      let state: Awaited<ReturnType<ReviewTarget['status']>>;
      try {
        state = await target.status(record, deadlineIn(budgetMs));
      } catch (error) {
        log.warn(`[join] ${record.reference}: could not read the review state (${errorCode(error)})`);
        return record;
      }
      if (state === 'merged' || state === 'closed') {
        const updated: ApplicationRecord = { ...record, state: state === 'merged' ? 'accepted' : 'declined', updated_at: now() };
        await store.save(updated);
        return updated;
      }
      return record;
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;

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
import { referenceSlug, suffixedSlug } from '../intake/build-entry.ts';
import { releaseClaims, type ClaimHolder } from '../intake/find-duplicates.ts';
import { deadlineIn } from './deadline.ts';
import type { Log } from '../log.ts';
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
  /** Whether a slug claim still counts (find-duplicates.ts, `storedHolder`). */
  holder: ClaimHolder;
  /** Slugs of published entries (the content index): skipped without asking anyone. */
  isPublished: (slug: string) => boolean;
}

/** Numbered slugs looked at (`cgt-2`, `cgt-3`…), and how many of them may be claimed, before the application's own. */
const NUMBERED_SLUGS = 20;
const SLUG_CLAIMS = 5;

/**
 * The review state of an opened application is asked of the review target at most once per
 * reference per this window, however often its status page is read: status reads cost no more
 * than one GitHub call per application every few minutes.
 */
export const REFRESH_WINDOW_MS = 5 * 60_000;

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

  /** Takes the slug claim for this application, or finds it held by another open one. */
  async function claimSlug(slug: string, record: ApplicationRecord): Promise<boolean> {
    const claim = { reference: record.reference, received_at: record.received_at };
    for (let tries = 0; tries < 3; tries++) {
      if (await store.takeClaim('slug', slug, claim)) return true;
      const found = await store.getClaim('slug', slug);
      if (!found) continue;
      if (found.claim.reference === record.reference) return true;
      if (await options.holder(found.claim.reference, 'slug', slug)) return false;
      if (await store.takeClaim('slug', slug, claim, found.etag)) return true;
    }
    return false;
  }

  /**
   * The slug this application's branch gets, decided once from the store and the content index:
   * the wished one, or `-2`, `-3`… if a published entry or an open application holds it (a few
   * claims, `onlyIfNew`), else the application's own (`referenceSlug`). So same-named
   * applications never race each other for branches on GitHub, and none is left without a slug.
   */
  async function chooseSlug(record: ApplicationRecord): Promise<string> {
    let claims = 0;
    for (let n = 1; n <= NUMBERED_SLUGS && claims < SLUG_CLAIMS; n++) {
      const slug = suffixedSlug(record.entry.slug, n);
      if (options.isPublished(slug)) continue;
      claims++;
      if (await claimSlug(slug, record)) return slug;
    }
    return referenceSlug(record.entry.slug, record.reference);
  }

  async function attempt(record: ApplicationRecord, budgetMs: number): Promise<ApplicationRecord> {
    let current = record;
    const save = async (delivery: DeliveryProgress) => {
      current = { ...current, delivery, updated_at: now() };
      await store.save(current);
    };
    try {
      if (!current.delivery.slug && !current.delivery.branch) await save({ ...current.delivery, slug: await chooseSlug(current) });
      const progress = await target.open(current, save, deadlineIn(budgetMs));
      // A correction whose values the entry holds already is accepted; one whose entry is gone cannot be.
      const state = progress.settled === 'already_applied' ? 'accepted' : progress.settled === 'entry_gone' ? 'declined' : 'pull_request_opened';
      // Just opened: nothing for editors to have done yet, so the first refresh waits a window.
      current = { ...current, state, delivery: { ...progress, last_error: undefined, checked_at: now() }, updated_at: now() };
      await store.save(current);
      await queue.complete(current.reference);
      log.info(
        `[join] ${current.reference}: ${progress.settled ? `settled without review (${progress.settled})` : `opened for review (${target.kind} ${progress.pull_request?.url ?? progress.branch})`}`,
      );
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

    /**
     * Asks the review target what editors did, and records accepted or declined; a declined
     * application's claims are released. At most once per reference per `REFRESH_WINDOW_MS`:
     * the request that asks first marks the record (a conditional write on its ETag), and every
     * other reader meanwhile gets the stored state.
     */
    async refresh(record: ApplicationRecord, budgetMs = 3_000): Promise<ApplicationRecord> {
      // Reading the local repository costs nothing: only GitHub's answers are rationed.
      const window = target.kind === 'github' ? REFRESH_WINDOW_MS : 0;
      const due = (r: ApplicationRecord) =>
        r.state === 'pull_request_opened' && (!r.delivery.checked_at || clock().getTime() - Date.parse(r.delivery.checked_at) >= window);
      if (!due(record)) return record;
      const found = await store.getWithEtag(record.reference);
      if (!found || !due(found.record)) return found?.record ?? record;
      const marked: ApplicationRecord = { ...found.record, delivery: { ...found.record.delivery, checked_at: now() } };
      if (!(await store.saveIfMatch(marked, found.etag))) return found.record; // another reader is asking
      let state: Awaited<ReturnType<ReviewTarget['status']>>;
      try {
        state = await target.status(marked, deadlineIn(budgetMs));
      } catch (error) {
        log.warn(`[join] ${record.reference}: could not read the review state (${errorCode(error)})`);
        return marked;
      }
      if (state === 'merged' || state === 'closed') {
        const updated: ApplicationRecord = { ...marked, state: state === 'merged' ? 'accepted' : 'declined', updated_at: now() };
        await store.save(updated);
        if (updated.state === 'declined') await releaseClaims(updated, store);
        return updated;
      }
      return marked;
    },

    /**
     * The scheduled run's share: refreshes the opened applications whose window has passed, at
     * most `max` of them (one GitHub call each), so declined ones free their names.
     */
    async refreshOpen(max: number, budgetMs: number): Promise<number> {
      const started = Date.now();
      let asked = 0;
      const { blobs } = await store.listRecords();
      for (const reference of blobs) {
        if (asked >= max || Date.now() - started > budgetMs - MIN_ATTEMPT_MS) break;
        const record = await store.get(reference);
        if (record?.state !== 'pull_request_opened') continue;
        const before = record.delivery.checked_at;
        const after = await this.refresh(record);
        if (after.delivery.checked_at !== before) asked++;
      }
      return asked;
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;

/**
 * The durable record of every application, kept in Netlify Blobs (locally, its emulation), never
 * in Git. One store, four kinds of key:
 *
 *   applications/<reference>   the record: state, the public entry, delivery progress
 *   contacts/<reference>       the contact details, age-encrypted for the editors (armored text)
 *   outbox/<reference>         the delivery queue (see queue.ts)
 *   claims/<kind>/<hash>       "an open application already has this website / this name / this slug"
 *   reservations/<reference>   "a request is taking this application in right now" (see reserve)
 *
 * Records are created with `onlyIfNew`, so two submissions of one form (a double click, a retry)
 * cannot both become applications. https://docs.netlify.com/build/data-and-storage/netlify-blobs/
 */
import { createHash } from 'node:crypto';
import type { Store } from '@netlify/blobs';
import type { CorrectableField } from '../../schema/correction.ts';
import type { Entry } from '../../schema/entry.ts';
import type { ContentLocale } from '../../schema/locales.ts';
import type { JoinState } from '../../schema/join.ts';

/** The part of a Netlify Blobs store the join pipeline uses. */
export type BlobStore = Pick<Store, 'get' | 'getWithMetadata' | 'set' | 'setJSON' | 'delete' | 'list'>;

export type Clock = () => Date;

export interface DuplicateMatch {
  field: 'website' | 'name';
  /** The compared value: a domain, or the name as the applicant wrote it. */
  value: string;
  kind: 'entry' | 'application';
  /** For an entry: its slug and name. */
  slug?: string;
  name?: string;
  /** For an open application: its reference (shown to editors, never to another applicant). */
  reference?: string;
  received_at?: string;
  /** The application was accepted and its entry is about to be published. */
  accepted?: boolean;
}

export interface DeliveryProgress {
  target?: 'github' | 'local-git';
  /** The slug finally used: the wished one, or the wished one with a suffix. */
  slug?: string;
  branch?: string;
  commit_sha?: string;
  pull_request?: { number: number; url: string };
  labelled?: boolean;
  /** The pull request was closed because labelling failed; redelivery labels, then reopens it. */
  closed_for_labels?: boolean;
  attempts: number;
  /** A short code (`github_502`, `timeout`), never a message that could carry data. */
  last_error?: string;
  /** When the review state was last asked of the review target: at most once per refresh window. */
  checked_at?: string;
  /** A correction waiting for an editor's draft of its entry: the draft's pull request, told about it once. */
  draft_pull_noted?: number;
  /** A correction that needed no pull request: its values were in the entry already, or the entry is gone. */
  settled?: 'already_applied' | 'entry_gone';
}

/** Which intake took the request in: a new entry (join), or a correction of an existing one. */
export type IntakeKind = 'join' | 'correction';

/** One value a correction changes; `to` absent removes it. Public data only. */
export interface FieldChange {
  field: CorrectableField;
  /** For summary and purpose: the language of the text. */
  locale?: ContentLocale;
  /** The value the corrector saw in the directory. */
  from?: unknown;
  to?: unknown;
}

export interface CorrectionDetails {
  /** The entry corrected; its file is content/groups/<slug>.md. */
  slug: string;
  changes: FieldChange[];
  source_url?: string;
  speaks_for_group: boolean;
  /** What the corrector says about the group's relation to the network, for the editors to check. */
  relation_claim?: string;
}

export interface ApplicationRecord {
  format: 1;
  /** Absent in records written before corrections existed: a join. */
  kind?: IntakeKind;
  reference: string;
  state: JoinState;
  received_at: string;
  updated_at: string;
  /** The entry as the file will hold it; its slug is the wished one (a correction: the entry as corrected). Public data only. */
  entry: Entry;
  /** A correction's changes (kind `correction`). */
  correction?: CorrectionDetails;
  duplicate_keys: { names: string[]; domain?: string };
  possible_duplicates: DuplicateMatch[];
  /** Whether the encrypted contact bundle holds a message, so the review text can say so. */
  has_message: boolean;
  delivery: DeliveryProgress;
}

export interface Claim {
  reference: string;
  received_at: string;
}

export type ClaimKind = 'domain' | 'name' | 'slug';

/** A reservation older than this, whose request never wrote the record, died with its request. */
export const RESERVATION_STALE_MS = 2 * 60_000;

export interface Reservation {
  reference: string;
  at: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

export function createApplicationStore(blobs: BlobStore) {
  const recordKey = (reference: string) => `applications/${reference}`;
  const contactKey = (reference: string) => `contacts/${reference}`;
  const claimKey = (kind: ClaimKind, value: string) => `claims/${kind}/${hash(value)}`;
  const reservationKey = (reference: string) => `reservations/${reference}`;

  return {
    async get(reference: string): Promise<ApplicationRecord | null> {
      return ((await blobs.get(recordKey(reference), { type: 'json', consistency: 'strong' })) as ApplicationRecord | null) ?? null;
    },
    /** False when a record with this reference exists already. */
    async create(record: ApplicationRecord): Promise<boolean> {
      const { modified } = await blobs.setJSON(recordKey(record.reference), record, { onlyIfNew: true });
      return modified;
    },
    async save(record: ApplicationRecord): Promise<void> {
      await blobs.setJSON(recordKey(record.reference), record);
    },
    /** References of every stored application (the scheduled refresh walks them). */
    async listRecords(): Promise<{ blobs: string[] }> {
      const { blobs: listed } = await blobs.list({ prefix: 'applications/' });
      return { blobs: listed.map((b) => b.key.slice('applications/'.length)) };
    },
    async getWithEtag(reference: string): Promise<{ record: ApplicationRecord; etag: string } | null> {
      const found = await blobs.getWithMetadata(recordKey(reference), { type: 'json', consistency: 'strong' });
      return found ? { record: found.data as ApplicationRecord, etag: found.etag ?? '' } : null;
    },
    /** Saves only if the record is still the one read with `etag`; false when another request changed it. */
    async saveIfMatch(record: ApplicationRecord, etag: string): Promise<boolean> {
      const { modified } = await blobs.setJSON(recordKey(record.reference), record, { onlyIfMatch: etag });
      return modified;
    },
    /**
     * Reserves a reference for the request taking its application in, before it claims anything:
     * of two requests carrying one form token at once, exactly one gets true (`onlyIfNew`). A
     * reservation left by a request that died before writing its record is taken over once stale.
     */
    async reserve(reference: string, now: Date): Promise<boolean> {
      const mine: Reservation = { reference, at: now.toISOString() };
      if ((await blobs.setJSON(reservationKey(reference), mine, { onlyIfNew: true })).modified) return true;
      const found = await blobs.getWithMetadata(reservationKey(reference), { type: 'json', consistency: 'strong' });
      if (!found) return (await blobs.setJSON(reservationKey(reference), mine, { onlyIfNew: true })).modified;
      const stale = now.getTime() - new Date((found.data as Reservation).at).getTime() > RESERVATION_STALE_MS;
      if (!stale || (await blobs.get(recordKey(reference), { type: 'json', consistency: 'strong' }))) return false;
      return (await blobs.setJSON(reservationKey(reference), mine, { onlyIfMatch: found.etag ?? '' })).modified;
    },
    async getReservation(reference: string): Promise<Reservation | null> {
      return ((await blobs.get(reservationKey(reference), { type: 'json', consistency: 'strong' })) as Reservation | null) ?? null;
    },
    /** Gives a reservation back when its request stored nothing (a duplicate, a failure). */
    async release(reference: string): Promise<void> {
      await blobs.delete(reservationKey(reference));
    },
    /** Stores the encrypted contact bundle once: a repeated submission keeps the first. */
    async putContact(reference: string, armored: string): Promise<void> {
      await blobs.set(contactKey(reference), armored, { onlyIfNew: true });
    },
    /** The references of every record, newest first (references are random: ordered by the records' dates). */
    async list(limit: number): Promise<ApplicationRecord[]> {
      const { blobs: listed } = await blobs.list({ prefix: 'applications/' });
      const records = await Promise.all(listed.map((b) => this.get(b.key.slice('applications/'.length))));
      return records
        .filter((r): r is ApplicationRecord => r !== null)
        .sort((a, b) => (a.received_at < b.received_at ? 1 : a.received_at > b.received_at ? -1 : 0))
        .slice(0, limit);
    },
    async getContact(reference: string): Promise<string | null> {
      return (await blobs.get(contactKey(reference), { type: 'text', consistency: 'strong' })) ?? null;
    },
    async deleteContact(reference: string): Promise<void> {
      await blobs.delete(contactKey(reference));
    },
    async getClaim(kind: ClaimKind, value: string): Promise<{ claim: Claim; etag: string } | null> {
      const found = await blobs.getWithMetadata(claimKey(kind, value), { type: 'json', consistency: 'strong' });
      return found ? { claim: found.data as Claim, etag: found.etag ?? '' } : null;
    },
    /**
     * Takes a claim: only if nobody holds it (`etag` undefined), or only if it is still the stale
     * claim read with `etag`. False when another application got there first.
     */
    async takeClaim(kind: ClaimKind, value: string, claim: Claim, etag?: string): Promise<boolean> {
      const options = etag ? { onlyIfMatch: etag } : { onlyIfNew: true };
      const { modified } = await blobs.setJSON(claimKey(kind, value), claim, options);
      return modified;
    },
    async deleteClaim(kind: ClaimKind, value: string): Promise<void> {
      await blobs.delete(claimKey(kind, value));
    },
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;

/**
 * The durable record of every application, kept in Netlify Blobs (locally, its emulation), never
 * in Git. One store, four kinds of key:
 *
 *   applications/<reference>   the record: state, the public entry, delivery progress
 *   contacts/<reference>       the contact details, age-encrypted for the editors (armored text)
 *   outbox/<reference>         the delivery queue (see queue.ts)
 *   claims/<kind>/<hash>       "an open application already has this website / this name"
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

export type ClaimKind = 'domain' | 'name';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

export function createApplicationStore(blobs: BlobStore) {
  const recordKey = (reference: string) => `applications/${reference}`;
  const contactKey = (reference: string) => `contacts/${reference}`;
  const claimKey = (kind: ClaimKind, value: string) => `claims/${kind}/${hash(value)}`;

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
  };
}

export type ApplicationStore = ReturnType<typeof createApplicationStore>;

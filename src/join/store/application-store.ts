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
import type { Entry } from '../../schema/entry.ts';
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
}

export interface ApplicationRecord {
  format: 1;
  reference: string;
  state: JoinState;
  received_at: string;
  updated_at: string;
  /** The entry as the file will hold it; its slug is the wished one. Public data only. */
  entry: Entry;
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

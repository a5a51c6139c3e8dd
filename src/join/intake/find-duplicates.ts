/**
 * Is this group already in the directory, or already waiting for review? Two keys are compared:
 * the website's domain (`websiteDomain`, `www.` removed), and the names — the applicant's name and
 * other names against every name, short name and other name of the entries
 * (`artefact.index.nameKeys`), folded by `nameKey` and compared without spaces, so
 * "SUD-Rail", "Sud Rail" and "SUDRAIL" agree. The applicant's own acronym is not compared: "CGT"
 * names several unions in several countries.
 *
 * Open applications hold *claims* on their keys in the store (created only if new, so two
 * applications for one group racing each other cannot both pass). A claim counts only while the
 * stored record of its application is open *and lists that key* (or, for a few seconds, while its
 * request is still taking the application in: a fresh reservation); any other claim — declined,
 * no record, a key the record does not hold — is stale and taken over. Whether a claim counts is
 * read from the store alone, never from GitHub: answering a submission costs no GitHub call, and
 * the number of claims is bounded by the schema (a name, at most ten other names, one domain).
 *
 * Domains of shared hosting and social networks (facebook.com, wordpress.com…) say nothing about
 * which group a site belongs to and are not compared.
 */
import { compactKey, websiteDomain } from '../../text/normalise-text.ts';
import type { JoinGroup } from '../../schema/join.ts';
import { RESERVATION_STALE_MS, type ApplicationStore, type Claim, type ClaimKind, type Clock, type DuplicateMatch } from '../store/application-store.ts';
import type { JoinIndex } from './content-index.ts';

export const SHARED_HOSTS = new Set([
  'facebook.com',
  'm.facebook.com',
  'fb.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'threads.net',
  'tiktok.com',
  'youtube.com',
  'linkedin.com',
  't.me',
  'telegram.me',
  'linktr.ee',
  'bsky.app',
  'mastodon.social',
  'google.com',
  'sites.google.com',
  'blogspot.com',
  'wordpress.com',
  'medium.com',
  'substack.com',
  'tumblr.com',
  'github.io',
  'github.com',
  'gitlab.com',
  'wixsite.com',
  'weebly.com',
  'jimdo.com',
  'over-blog.com',
  'canalblog.com',
  'noblogs.org',
  'riseup.net',
  'wix.com',
  'squarespace.com',
]);

export interface DuplicateKeys {
  /** Compact name keys, each with the name as the applicant wrote it. */
  names: { key: string; written: string }[];
  domain?: string;
}

export function duplicateKeys(group: Pick<JoinGroup, 'name' | 'alternate_names' | 'website'>): DuplicateKeys {
  const names = new Map<string, string>();
  for (const written of [group.name, ...(group.alternate_names ?? [])]) {
    const key = compactKey(written);
    if (key.length >= 2 && !names.has(key)) names.set(key, written);
  }
  const domain = websiteDomain(group.website);
  return { names: [...names].map(([key, written]) => ({ key, written })), ...(domain && !SHARED_HOSTS.has(domain) ? { domain } : {}) };
}

/** Matches against the published entries. */
export function matchEntries(keys: DuplicateKeys, index: JoinIndex): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (let doc = 0; doc < index.entries.length; doc++) {
    const { slug, name } = index.entries[doc]!;
    if (keys.domain && index.domains[doc] === keys.domain) matches.push({ field: 'website', value: keys.domain, kind: 'entry', slug, name });
    const theirs = new Set((index.nameKeys[doc] ?? []).map((k) => k.replace(/ /g, '')));
    const hit = keys.names.find((n) => theirs.has(n.key));
    if (hit) matches.push({ field: 'name', value: hit.written, kind: 'entry', slug, name });
  }
  return matches;
}

/**
 * The application holding a claim, if it still counts: waiting for review, or accepted and about
 * to be published. Undefined when the claim is stale (declined, no such record, a key its record
 * does not hold).
 */
export type ClaimHolder = (reference: string, kind: ClaimKind, value: string) => Promise<{ received_at: string; accepted: boolean } | undefined>;

/** The claim holder as the store says it: no GitHub call (the scheduled run refreshes states). */
export function storedHolder(store: ApplicationStore, clock: Clock): ClaimHolder {
  return async (reference, kind, value) => {
    const record = await store.get(reference);
    if (record) {
      if (record.state === 'declined') return undefined;
      const keys = record.duplicate_keys;
      const holds =
        kind === 'domain' ? keys.domain === value : kind === 'name' ? keys.names.includes(value) : (record.delivery.slug ?? record.entry.slug) === value;
      return holds ? { received_at: record.received_at, accepted: record.state === 'accepted' } : undefined;
    }
    // No record yet: its request may still be writing it.
    const reservation = await store.getReservation(reference);
    if (reservation && clock().getTime() - Date.parse(reservation.at) <= RESERVATION_STALE_MS) return { received_at: reservation.at, accepted: false };
    return undefined;
  };
}

function claimsOf(keys: DuplicateKeys): { kind: ClaimKind; value: string; field: DuplicateMatch['field']; written: string }[] {
  return [
    ...(keys.domain ? [{ kind: 'domain' as const, value: keys.domain, field: 'website' as const, written: keys.domain }] : []),
    ...keys.names.map((n) => ({ kind: 'name' as const, value: n.key, field: 'name' as const, written: n.written })),
  ];
}

/**
 * Matches against open applications other than `reference`. An accepted application whose entry
 * the directory already lists is the entry's match, not a second one.
 */
export async function matchApplications(keys: DuplicateKeys, reference: string, store: ApplicationStore, holder: ClaimHolder): Promise<DuplicateMatch[]> {
  const matches: DuplicateMatch[] = [];
  for (const c of claimsOf(keys)) {
    const found = await store.getClaim(c.kind, c.value);
    if (!found || found.claim.reference === reference) continue;
    const open = await holder(found.claim.reference, c.kind, c.value);
    if (open)
      matches.push({
        field: c.field,
        value: c.written,
        kind: 'application',
        reference: found.claim.reference,
        received_at: open.received_at,
        ...(open.accepted ? { accepted: true } : {}),
      });
  }
  return matches;
}

/**
 * Claims the keys for `claim.reference`. Keys an open application holds are left to it and
 * returned as matches (a race lost since `matchApplications`); stale claims are taken over.
 */
export async function claimKeys(keys: DuplicateKeys, claim: Claim, store: ApplicationStore, holder: ClaimHolder): Promise<DuplicateMatch[]> {
  const lost: DuplicateMatch[] = [];
  for (const c of claimsOf(keys)) {
    for (let tries = 0; tries < 3; tries++) {
      if (await store.takeClaim(c.kind, c.value, claim)) break;
      const found = await store.getClaim(c.kind, c.value);
      if (!found) continue; // released meanwhile: try again
      if (found.claim.reference === claim.reference) break;
      const open = await holder(found.claim.reference, c.kind, c.value);
      if (open) {
        lost.push({
          field: c.field,
          value: c.written,
          kind: 'application',
          reference: found.claim.reference,
          received_at: open.received_at,
          ...(open.accepted ? { accepted: true } : {}),
        });
        break;
      }
      if (await store.takeClaim(c.kind, c.value, claim, found.etag)) break;
    }
  }
  return lost;
}

/** Removes the claims an application still holds (declined: its names are free for others). */
export async function releaseClaims(
  record: { reference: string; duplicate_keys: { names: string[]; domain?: string }; delivery: { slug?: string } },
  store: ApplicationStore,
): Promise<void> {
  const held: [ClaimKind, string][] = [
    ...(record.duplicate_keys.domain ? [['domain', record.duplicate_keys.domain] as [ClaimKind, string]] : []),
    ...record.duplicate_keys.names.map((n) => ['name', n] as [ClaimKind, string]),
    ...(record.delivery.slug ? [['slug', record.delivery.slug] as [ClaimKind, string]] : []),
  ];
  for (const [kind, value] of held) {
    const found = await store.getClaim(kind, value);
    // Another application may have taken a stale claim over since: leave that one alone.
    if (found?.claim.reference === record.reference) await store.deleteClaim(kind, value);
  }
}

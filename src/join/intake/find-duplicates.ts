/**
 * Is this group already in the directory, or already waiting for review? Two keys are compared:
 * the website's domain (`websiteDomain`, `www.` removed), and the names — the applicant's name and
 * other names against every name, short name and other name of the entries
 * (`artefact.index.nameKeys`), folded by `nameKey` and compared without spaces, so
 * "SUD-Rail", "Sud Rail" and "SUDRAIL" agree. The applicant's own acronym is not compared: "CGT"
 * names several unions in several countries.
 *
 * Open applications hold *claims* on their keys in the store (created only if new, so two
 * applications for one group racing each other cannot both pass). A claim whose application was
 * declined, or whose record is gone, is stale and can be taken over.
 *
 * Domains of shared hosting and social networks (facebook.com, wordpress.com…) say nothing about
 * which group a site belongs to and are not compared.
 */
import { compactKey, websiteDomain } from '../../text/normalise-text.ts';
import type { JoinGroup } from '../../schema/join.ts';
import type { ApplicationStore, Claim, ClaimKind, DuplicateMatch } from '../store/application-store.ts';
import type { JoinIndex } from './content-index.ts';

export const SHARED_HOSTS = new Set([
  'facebook.com', 'm.facebook.com', 'fb.com', 'instagram.com', 'twitter.com', 'x.com', 'threads.net', 'tiktok.com',
  'youtube.com', 'linkedin.com', 't.me', 'telegram.me', 'linktr.ee', 'bsky.app', 'mastodon.social', 'google.com',
  'sites.google.com', 'blogspot.com', 'wordpress.com', 'medium.com', 'substack.com', 'tumblr.com', 'github.io',
  'github.com', 'gitlab.com', 'wixsite.com', 'weebly.com', 'jimdo.com', 'over-blog.com', 'canalblog.com',
  'noblogs.org', 'riseup.net', 'wix.com', 'squarespace.com',
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
 * to be published. Undefined when the claim is stale (declined, or no such record).
 */
export type ClaimHolder = (reference: string) => Promise<{ received_at: string; accepted: boolean } | undefined>;

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
    const open = await holder(found.claim.reference);
    if (open) matches.push({ field: c.field, value: c.written, kind: 'application', reference: found.claim.reference, received_at: open.received_at, ...(open.accepted ? { accepted: true } : {}) });
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
      const open = await holder(found.claim.reference);
      if (open) {
        lost.push({ field: c.field, value: c.written, kind: 'application', reference: found.claim.reference, received_at: open.received_at, ...(open.accepted ? { accepted: true } : {}) });
        break;
      }
      if (await store.takeClaim(c.kind, c.value, claim, found.etag)) break;
    }
  }
  return lost;
}

/**
 * The join pipeline, from a parsed and normalised body to an application in the hands of the
 * delivery port:
 *
 *   honeypot → validation (schema + taxonomies) → signed form token → repeated submission?
 *   → duplicates (published entries, open applications) → reserve the reference → claims
 *   → entry + encrypted contact → delivery port (pull request opened, or queued)
 *
 * Everything before the delivery port reads the store only: a refused submission (4xx, 409)
 * makes no GitHub call, whatever it contains. The reservation (`onlyIfNew`) comes before any
 * claim, so of several requests carrying one form token at once only one claims names — the
 * others are the same application, answered as a repeated submission — and no request that
 * stores nothing leaves a claim that counts (claims count only for a record or a fresh
 * reservation that holds them, see find-duplicates.ts).
 *
 * Pure of HTTP: it returns what happened, and join-endpoint.ts says it in JSON or HTML. Its
 * collaborators (content index, store, delivery, clock, key material) are given to it.
 */
import type { JoinGroup, JoinRequest } from '../schema/join.ts';
import type { ApplicationRecord, ApplicationStore, Clock, DuplicateMatch } from './store/application-store.ts';
import type { Overlong } from './intake/normalise-input.ts';
import { buildEntry } from './intake/build-entry.ts';
import type { JoinIndex } from './intake/content-index.ts';
import { encryptContact } from './store/contact-encryption.ts';
import type { Delivery } from './delivery/deliver.ts';
import { claimKeys, duplicateKeys, matchApplications, matchEntries, type ClaimHolder, type DuplicateKeys } from './intake/find-duplicates.ts';
import { verifyFormToken } from './intake/form-token.ts';
import { validateJoinRequest, type FieldProblem } from './intake/validate-request.ts';

/** The spam trap: a field people never see (hidden), which form-filling robots fill. */
export const HONEYPOT_FIELD = 'homepage';

export interface PipelineDeps {
  index: JoinIndex;
  store: ApplicationStore;
  delivery: Pick<Delivery, 'submit'>;
  /** Whether an application holding a duplicate claim is still open (see find-duplicates.ts). */
  holder: ClaimHolder;
  /** The editors' age recipients; a function because the embedded default creates its key lazily. */
  recipients: () => Promise<string[]>;
  formSecret: string;
  clock: Clock;
  minFillMs?: number;
  maxTokenAgeMs?: number;
}

export type SubmitOutcome =
  /** 400: the form must be corrected; `newToken` when the token itself was the problem. */
  | { kind: 'invalid'; problems: FieldProblem[]; newToken: boolean }
  /** 409: the group seems to be listed or waiting already. */
  | { kind: 'duplicate'; matches: DuplicateMatch[] }
  /** 201/202/200: delivered, queued, or submitted before (`repeated`). */
  | { kind: 'received'; record: ApplicationRecord; repeated: boolean };

const TOKEN_MESSAGES = {
  malformed: 'the form token is missing or damaged: load the form again',
  forged: 'the form token is not one this site issued: load the form again',
  expired: 'the form has expired: submit it again from the refreshed page',
  too_fast: 'the form was submitted faster than a person can fill it in: check it and submit it again',
} as const;

function publicFields(request: Record<string, unknown>): JoinGroup {
  const { contact: _contact, consent: _consent, form_token: _token, lang: _lang, confirm_distinct: _confirm, ...group } = request;
  return group as JoinGroup;
}

/** How long a request carrying a form token already being taken in waits for that application's record. */
const RECORD_WAIT_MS = 3_000;

export async function submitApplication(raw: Record<string, unknown>, deps: PipelineDeps, overlong: readonly Overlong[] = []): Promise<SubmitOutcome> {
  if (raw[HONEYPOT_FIELD] !== undefined) {
    // Answered exactly as a damaged form token is: nothing tells a robot which field gave it away.
    return { kind: 'invalid', newToken: true, problems: [{ field: 'form_token', code: 'token_malformed', message: TOKEN_MESSAGES.malformed }] };
  }
  const now = deps.clock();
  const validated = validateJoinRequest(raw, deps.index, overlong);
  const problems = validated.ok ? [] : validated.problems.filter((p) => p.field !== 'form_token');
  const token = typeof raw.form_token === 'string' ? verifyFormToken(raw.form_token, { secret: deps.formSecret, minFillMs: deps.minFillMs, maxAgeMs: deps.maxTokenAgeMs }, now) : ({ ok: false, reason: 'malformed' } as const);
  if (!token.ok) problems.push({ field: 'form_token', code: `token_${token.reason}`, message: TOKEN_MESSAGES[token.reason] });
  if (!validated.ok || !token.ok) return { kind: 'invalid', problems, newToken: !token.ok };
  const request = validated.value;
  const reference = token.reference;

  const existing = await deps.store.get(reference);
  if (existing) return { kind: 'received', record: existing, repeated: true };

  const group = publicFields(request);
  const keys = duplicateKeys(group);
  const entries = matchEntries(keys, deps.index);
  // Once an accepted application's entry is published, the entry is the match.
  const applications = (await matchApplications(keys, reference, deps.store, deps.holder)).filter((a) => !(a.accepted && entries.some((e) => e.field === a.field)));
  const matches = [...entries, ...applications];
  if (matches.length > 0 && !request.confirm_distinct) return { kind: 'duplicate', matches };

  const receivedAt = now.toISOString();
  if (!(await deps.store.reserve(reference, now))) {
    // The same form, sent again while the first request is still taking it in (a double click).
    return { kind: 'received', record: await waitForRecord(deps.store, reference, receivedAt), repeated: true };
  }
  try {
    const lost = await claimKeys(keys, { reference, received_at: receivedAt }, deps.store, deps.holder);
    if (lost.length > 0 && !request.confirm_distinct) {
      // Nothing is stored: without the reservation, the claims just taken no longer count.
      await deps.store.release(reference);
      return { kind: 'duplicate', matches: lost };
    }
    return await deliver(request, group, keys, [...matches, ...lost], reference, now, deps);
  } catch (error) {
    await deps.store.release(reference).catch(() => undefined); // the store failing: the reservation goes stale by itself
    throw error;
  }
}

async function deliver(
  request: JoinRequest,
  group: JoinGroup,
  keys: DuplicateKeys,
  possible: DuplicateMatch[],
  reference: string,
  now: Date,
  deps: PipelineDeps,
): Promise<SubmitOutcome> {
  const receivedAt = now.toISOString();

  const record: ApplicationRecord = {
    format: 1,
    reference,
    state: 'received',
    received_at: receivedAt,
    updated_at: receivedAt,
    entry: buildEntry(group, reference, now),
    duplicate_keys: { names: keys.names.map((n) => n.key), ...(keys.domain ? { domain: keys.domain } : {}) },
    possible_duplicates: possible,
    has_message: request.contact.message !== undefined,
    delivery: { attempts: 0 },
  };
  const ciphertext = await encryptContact(
    { reference, received_at: receivedAt, contact: request.contact, consent: { given_at: receivedAt, lang: request.lang ?? 'en' } },
    await deps.recipients(),
  );
  const { record: result, created } = await deps.delivery.submit(record, ciphertext);
  return { kind: 'received', record: result, repeated: !created };
}

/**
 * The record of an application another request is taking in, once written; until then (or if
 * that request fails) what the applicant can be told: the form was received under this reference.
 */
async function waitForRecord(store: ApplicationStore, reference: string, receivedAt: string): Promise<ApplicationRecord> {
  const until = Date.now() + RECORD_WAIT_MS;
  for (;;) {
    const record = await store.get(reference);
    if (record) return record;
    if (Date.now() >= until) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { format: 1, reference, state: 'received', received_at: receivedAt, updated_at: receivedAt, entry: undefined as never, duplicate_keys: { names: [] }, possible_duplicates: [], has_message: false, delivery: { attempts: 0 } };
}

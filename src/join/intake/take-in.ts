/**
 * The one pipeline both intakes run — a join application (a new entry) and a public correction
 * (changed values of an existing one) — from a parsed, normalised body to a record in the hands
 * of the delivery port:
 *
 *   honeypot → the intake's validation (overlong texts included) → signed form token
 *   → repeated submission? → the intake's read-only checks (duplicates for a join)
 *   → reserve the reference → the intake's record (claims for a join) → encrypted contact
 *   → delivery port (pull request opened, or queued)
 *
 * Everything before the delivery port reads the store only, apart from the reservation and what
 * `prepare` claims under it: a refused submission (4xx, 409) makes no GitHub call. The reservation
 * (`onlyIfNew`) comes before any claim, so of several requests carrying one form token at once only
 * one goes on — the others are the same submission, answered as repeated once its record exists —
 * and a request that stores nothing releases it, so its claims no longer count (find-duplicates.ts).
 *
 * The intakes differ only in what they validate and the record they build (which carries the file
 * change they propose); the abuse defences, the encryption of contact details, the store, the
 * queue and the delivery are the same code. Pure of HTTP: it returns what happened, and
 * intake-endpoint.ts says it in JSON or HTML.
 */
import type { JoinContact, JoinLocale } from '../../schema/join.ts';
import type { ApplicationRecord, ApplicationStore, Clock, DuplicateMatch } from '../store/application-store.ts';
import type { Overlong } from './normalise-input.ts';
import { encryptContact } from '../store/contact-encryption.ts';
import type { Delivery } from '../delivery/deliver.ts';
import { verifyFormToken } from './form-token.ts';
import type { FieldProblem } from './validate-request.ts';

/** The spam trap: a field people never see (hidden), which form-filling robots fill. */
export const HONEYPOT_FIELD = 'homepage';

export interface IntakeDeps {
  store: ApplicationStore;
  delivery: Pick<Delivery, 'submit'>;
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

/** What makes an intake: how it validates, and what it proposes. */
export interface Intake<V extends { contact: JoinContact; lang?: JoinLocale }> {
  /** `overlong`: texts refused unread for their length (normalise-input.ts), reported as field problems. */
  validate(raw: Record<string, unknown>, overlong: readonly Overlong[]): { ok: true; value: V } | { ok: false; problems: FieldProblem[] };
  /** After the token and repeat checks, before the reservation, reading only: an outcome that refuses the request. */
  check?(value: V, reference: string): Promise<SubmitOutcome | undefined>;
  /** Under the reservation: the record to deliver, or an outcome that refuses it (the reservation is then released). */
  prepare(value: V, reference: string, now: Date): Promise<{ record: ApplicationRecord } | { refused: SubmitOutcome }>;
}

const TOKEN_MESSAGES = {
  malformed: 'the form token is missing or damaged: load the form again',
  forged: 'the form token is not one this site issued: load the form again',
  expired: 'the form has expired: submit it again from the refreshed page',
  too_fast: 'the form was submitted faster than a person can fill it in: check it and submit it again',
} as const;

/** How long a request carrying a form token already being taken in waits for that submission's record. */
const RECORD_WAIT_MS = 3_000;

export async function takeIn<V extends { contact: JoinContact; lang?: JoinLocale }>(
  raw: Record<string, unknown>,
  deps: IntakeDeps,
  intake: Intake<V>,
  overlong: readonly Overlong[] = [],
): Promise<SubmitOutcome> {
  if (raw[HONEYPOT_FIELD] !== undefined) {
    // Answered exactly as a damaged form token is: nothing tells a robot which field gave it away.
    return { kind: 'invalid', newToken: true, problems: [{ field: 'form_token', code: 'token_malformed', message: TOKEN_MESSAGES.malformed }] };
  }
  const now = deps.clock();
  const validated = intake.validate(raw, overlong);
  const problems = validated.ok ? [] : validated.problems.filter((p) => p.field !== 'form_token');
  const token =
    typeof raw.form_token === 'string'
      ? verifyFormToken(raw.form_token, { secret: deps.formSecret, minFillMs: deps.minFillMs, maxAgeMs: deps.maxTokenAgeMs }, now)
      : ({ ok: false, reason: 'malformed' } as const);
  if (!token.ok) problems.push({ field: 'form_token', code: `token_${token.reason}`, message: TOKEN_MESSAGES[token.reason] });
  if (!validated.ok || !token.ok) return { kind: 'invalid', problems, newToken: !token.ok };
  const request = validated.value;
  const reference = token.reference;

  const existing = await deps.store.get(reference);
  if (existing) return { kind: 'received', record: existing, repeated: true };

  const refused = await intake.check?.(request, reference);
  if (refused) return refused;

  const receivedAt = now.toISOString();
  if (!(await deps.store.reserve(reference, now))) {
    // The same form, sent again while the first request is still taking it in (a double click).
    return { kind: 'received', record: await waitForRecord(deps.store, reference, receivedAt), repeated: true };
  }
  try {
    const prepared = await intake.prepare(request, reference, now);
    if ('refused' in prepared) {
      // Nothing is stored: without the reservation, whatever prepare claimed no longer counts.
      await deps.store.release(reference);
      return prepared.refused;
    }
    const { record } = prepared;
    const ciphertext = await encryptContact(
      { reference, received_at: record.received_at, contact: request.contact, consent: { given_at: record.received_at, lang: request.lang ?? 'en' } },
      await deps.recipients(),
    );
    const { record: result, created } = await deps.delivery.submit(record, ciphertext);
    return { kind: 'received', record: result, repeated: !created };
  } catch (error) {
    await deps.store.release(reference).catch(() => undefined); // the store failing: the reservation goes stale by itself
    throw error;
  }
}

/**
 * The record of a submission another request is taking in, once written; until then (or if
 * that request fails) what the sender can be told: the form was received under this reference.
 */
async function waitForRecord(store: ApplicationStore, reference: string, receivedAt: string): Promise<ApplicationRecord> {
  const until = Date.now() + RECORD_WAIT_MS;
  for (;;) {
    const record = await store.get(reference);
    if (record) return record;
    if (Date.now() >= until) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    format: 1,
    reference,
    state: 'received',
    received_at: receivedAt,
    updated_at: receivedAt,
    entry: undefined as never,
    duplicate_keys: { names: [] },
    possible_duplicates: [],
    has_message: false,
    delivery: { attempts: 0 },
  };
}

/**
 * The one pipeline both intakes run — a join application (a new entry) and a public correction
 * (changed values of an existing one) — from a parsed, normalised body to a record in the hands
 * of the delivery port:
 *
 *   honeypot → the intake's validation → signed form token → repeated submission?
 *   → the intake's own checks and record (duplicates for a join) → encrypted contact → delivery port
 *
 * The intakes differ only in what they validate and the record they build (which carries the file
 * change they propose); the abuse defences, the encryption of contact details, the store, the
 * queue and the delivery are the same code. Pure of HTTP: it returns what happened, and
 * intake-endpoint.ts says it in JSON or HTML.
 */
import type { JoinContact, JoinLocale } from '../../schema/join.ts';
import type { ApplicationRecord, ApplicationStore, Clock, DuplicateMatch } from '../store/application-store.ts';
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
  validate(raw: Record<string, unknown>): { ok: true; value: V } | { ok: false; problems: FieldProblem[] };
  /** After the token and repeat checks: the record to deliver, or an outcome that refuses it. */
  prepare(value: V, reference: string, now: Date): Promise<{ record: ApplicationRecord } | { refused: SubmitOutcome }>;
}

const TOKEN_MESSAGES = {
  malformed: 'the form token is missing or damaged: load the form again',
  forged: 'the form token is not one this site issued: load the form again',
  expired: 'the form has expired: submit it again from the refreshed page',
  too_fast: 'the form was submitted faster than a person can fill it in: check it and submit it again',
} as const;

export async function takeIn<V extends { contact: JoinContact; lang?: JoinLocale }>(raw: Record<string, unknown>, deps: IntakeDeps, intake: Intake<V>): Promise<SubmitOutcome> {
  if (raw[HONEYPOT_FIELD] !== undefined) {
    return { kind: 'invalid', newToken: false, problems: [{ field: HONEYPOT_FIELD, code: 'honeypot', message: 'this field must be left empty; the submission looks automated' }] };
  }
  const now = deps.clock();
  const validated = intake.validate(raw);
  const problems = validated.ok ? [] : validated.problems.filter((p) => p.field !== 'form_token');
  const token = typeof raw.form_token === 'string' ? verifyFormToken(raw.form_token, { secret: deps.formSecret, minFillMs: deps.minFillMs, maxAgeMs: deps.maxTokenAgeMs }, now) : ({ ok: false, reason: 'malformed' } as const);
  if (!token.ok) problems.push({ field: 'form_token', code: `token_${token.reason}`, message: TOKEN_MESSAGES[token.reason] });
  if (!validated.ok || !token.ok) return { kind: 'invalid', problems, newToken: !token.ok };
  const request = validated.value;
  const reference = token.reference;

  const existing = await deps.store.get(reference);
  if (existing) return { kind: 'received', record: existing, repeated: true };

  const prepared = await intake.prepare(request, reference, now);
  if ('refused' in prepared) return prepared.refused;
  const { record } = prepared;
  const ciphertext = await encryptContact(
    { reference, received_at: record.received_at, contact: request.contact, consent: { given_at: record.received_at, lang: request.lang ?? 'en' } },
    await deps.recipients(),
  );
  const { record: result, created } = await deps.delivery.submit(record, ciphertext);
  return { kind: 'received', record: result, repeated: !created };
}

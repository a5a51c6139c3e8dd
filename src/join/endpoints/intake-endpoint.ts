/**
 * The HTTP door both intakes share (`POST /api/v1/join`, `POST /api/v1/groups/{slug}/corrections`):
 * request → parse → the intake's pipeline → answer, in JSON for API clients and the enhanced form,
 * in HTML for a plain form post (no JavaScript): the form again with its errors and every value
 * typed (400, 409, 413, 503), or a 303 to the thank-you page.
 *
 *   201 pull request opened · 202 received, delivery queued · 200 this form was already sent
 *   400 invalid (per-field messages) · 403 sent from another site · 405 · 409 duplicate
 *   413 too large · 415 media type · 503 the store failed before anything was saved
 *
 * Request bodies and contact details are never logged.
 */
import { randomBytes } from 'node:crypto';
import type { JoinLocale } from '../../schema/join.ts';
import { checkMethod, json, type ApiError } from '../../http/respond.ts';
import type { ApplicationRecord, DuplicateMatch } from '../store/application-store.ts';
import { issueFormToken } from '../intake/form-token.ts';
import type { Log } from '../log.ts';
import type { SubmitOutcome } from '../intake/take-in.ts';
import { JOIN_MESSAGES, pickLocale, problemText } from '../pages/messages.ts';
import { t } from '../../i18n/index.ts';
import { JOIN_BODY_LIMIT } from '../../schema/join.ts';
import { JOIN_FORM_SHAPE, parseJoinBody, type FieldShape } from '../intake/parse-body.ts';
import type { FormState } from '../pages/render-join-page.ts';
import type { FieldProblem } from '../intake/validate-request.ts';
import type { Overlong } from '../intake/normalise-input.ts';

/** Page headers: never cached (each page carries its own token), scripts only with this nonce. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self'; script-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
}

/**
 * A post a browser sent from another site (a hidden form on a hostile page): refused. Browsers
 * say where a request comes from in `Sec-Fetch-Site` (https://www.w3.org/TR/fetch-metadata/) and
 * `Origin` (https://fetch.spec.whatwg.org/#origin-header); API clients outside a browser send
 * neither and are not affected (docs/join.md). Same-site (a sibling subdomain) passes only with
 * our own Origin.
 */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
}

export function statusUrl(origin: string, reference: string): string {
  return `${origin}/api/v1/join/${reference}`;
}

export function publicStatus(record: ApplicationRecord) {
  return {
    reference: record.reference,
    state: record.state,
    received_at: record.received_at,
    updated_at: record.updated_at,
    pull_request:
      record.delivery.target === 'github' && record.delivery.pull_request && !record.delivery.closed_for_labels ? record.delivery.pull_request : null,
  };
}

export function fieldsOf(problems: readonly FieldProblem[], locale: JoinLocale): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.field, problemText(p, locale)]));
}

function duplicateFields(matches: readonly DuplicateMatch[], locale: JoinLocale): Record<string, string> {
  const m = JOIN_MESSAGES[locale];
  const fields: Record<string, string> = {};
  for (const d of matches) {
    const day = (d.received_at ?? '').slice(0, 10);
    const what = d.kind === 'entry' ? m.duplicateEntry(d.name ?? '') : d.accepted ? m.duplicateAccepted(day) : m.duplicateApplication(day);
    fields[d.field] = fields[d.field] ? `${fields[d.field]}; ${what}` : what;
  }
  return fields;
}

/** The sentences an intake answers with (the join's, or a correction's), per language. */
export type IntakeAnswers = (typeof JOIN_MESSAGES)['en']['answers'];

/** What one intake brings to the shared door. */
export interface IntakeDoor {
  /** For logs: `join`, `correction`. */
  name: string;
  log: Log;
  formSecret: string;
  clock: () => Date;
  random?: (size: number) => Uint8Array;
  bodyLimit?: number;
  /** How a form post is read: the intake's request schema's shape. */
  formShape?: Record<string, FieldShape>;
  answers: (locale: JoinLocale) => IntakeAnswers;
  /** The form again, with its problems and everything typed. */
  renderForm: (locale: JoinLocale, token: string, nonce: string, state: FormState) => string;
  thanksUrl: (locale: JoinLocale, reference: string) => string;
  /** The pipeline: values parsed and normalised, fields sent empty, texts refused for their length. */
  submit: (values: Record<string, unknown>, cleared: readonly string[], overlong: readonly Overlong[]) => Promise<SubmitOutcome>;
}

/** Answers one POST for `door` (the caller wraps it with `guarded` and any route checks). */
export async function answerIntake(door: IntakeDoor, request: Request): Promise<Response> {
  const denied = checkMethod(request, ['POST'], {});
  if (denied) return denied;
  const newToken = () => issueFormToken(door.formSecret, door.clock(), door.random);
  const nonce = () => Buffer.from((door.random ?? randomBytes)(16)).toString('base64');
  const origin = new URL(request.url).origin;
  if (isCrossSite(request)) {
    // Before the body is even read: nothing is parsed, validated, stored or claimed.
    const locale = pickLocale(undefined, request.headers.get('accept-language'));
    const message = door.answers(locale).crossSite;
    if ((request.headers.get('accept') ?? '').includes('application/json'))
      return json(403, { error: { code: 'forbidden', message } }, { 'Cache-Control': 'no-store' });
    const n = nonce();
    return new Response(door.renderForm(locale, newToken(), n, { values: {}, problems: [], banner: message }), { status: 403, headers: pageHeaders(n) });
  }
  const parsed = await parseJoinBody(request, door.bodyLimit ?? JOIN_BODY_LIMIT, door.formShape ?? JOIN_FORM_SHAPE);
  const values = parsed.ok ? parsed.value : (parsed.value ?? {});
  const locale = pickLocale(typeof values.lang === 'string' ? values.lang : undefined, request.headers.get('accept-language'));
  const a = door.answers(locale);
  const html = parsed.fromForm && !(request.headers.get('accept') ?? '').includes('application/json');

  /** An error: JSON envelope, or the form again with everything typed. */
  const fail = (status: number, error: ApiError, state: FormState, token?: string, headers: Record<string, string> = {}) => {
    if (html && status !== 415) {
      const n = nonce();
      const page = door.renderForm(locale, token ?? (typeof values.form_token === 'string' ? values.form_token : newToken()), n, state);
      return new Response(page, { status, headers: { ...pageHeaders(n), ...headers } });
    }
    return json(status, { error, ...(token ? { form_token: token } : {}) }, { 'Cache-Control': 'no-store', ...headers });
  };

  if (!parsed.ok) {
    const code = parsed.status === 413 ? 'payload_too_large' : parsed.status === 415 ? 'unsupported_media_type' : 'invalid_body';
    const problems: FieldProblem[] = Object.entries(parsed.fields ?? {}).map(([field, message]) => ({ field, code: 'sent_twice', message }));
    const message =
      parsed.status === 413
        ? a.tooLarge
        : parsed.status === 415
          ? a.unsupported
          : parsed.fields
            ? a.invalid
            : parsed.reason
              ? t(locale, `join.answer.${parsed.reason}`)
              : parsed.message;
    return fail(
      parsed.status,
      { code, message, ...(problems.length ? { fields: fieldsOf(problems, locale) } : {}) },
      { values, problems, banner: parsed.status === 413 ? a.tooLarge : undefined },
    );
  }

  let outcome: SubmitOutcome;
  try {
    outcome = await door.submit(values, parsed.cleared, parsed.overlong);
  } catch (error) {
    door.log.error(`[${door.name}] could not take a request in: ${(error as Error)?.name ?? 'error'}`);
    return fail(503, { code: 'upstream_unavailable', message: a.unavailable }, { values, problems: [], banner: a.unavailable }, undefined, {
      'Retry-After': '120',
    });
  }

  if (outcome.kind === 'invalid') {
    const token = outcome.newToken ? newToken() : undefined;
    return fail(400, { code: 'invalid_body', message: a.invalid, fields: fieldsOf(outcome.problems, locale) }, { values, problems: outcome.problems }, token);
  }
  if (outcome.kind === 'duplicate') {
    return fail(
      409,
      { code: 'conflict', message: a.duplicate, fields: duplicateFields(outcome.matches, locale) },
      { values, problems: [], duplicates: outcome.matches },
    );
  }
  const { record, repeated } = outcome;
  door.log.info(`[${door.name}] ${record.reference}: ${repeated ? 'submitted again' : 'received'}, ${record.state}`);
  if (html) {
    return new Response(null, { status: 303, headers: { Location: door.thanksUrl(locale, record.reference), 'Cache-Control': 'no-store' } });
  }
  const status = repeated ? 200 : record.state === 'pull_request_opened' ? 201 : 202;
  const url = statusUrl(origin, record.reference);
  return json(status, { ...publicStatus(record), status_url: url, repeated }, { Location: url, 'Cache-Control': 'no-store' });
}

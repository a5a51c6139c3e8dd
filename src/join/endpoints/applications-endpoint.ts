/**
 * The editors' desk behind `/admin/applications.html`:
 *
 *   GET    /api/v1/applications                       every application and correction, newest first,
 *                                                     each with its contact details as age ciphertext
 *   DELETE /api/v1/applications/{reference}/contact   forget the contact details (decided, or on request)
 *
 * Only editors (editor-access.ts); answers are never cached and carry no CORS header, so no other
 * site can read them from an editor's browser. The server hands out ciphertext only: it cannot
 * read it, the editor's browser decrypts it with the editor's own identity.
 */
import { checkMethod, errorResponse, guarded, json, notFound, requestLocale } from '../../http/respond.ts';
import { t } from '../../i18n/index.ts';
import type { ApplicationRecord, ApplicationStore } from '../store/application-store.ts';
import type { EditorAccess } from './editor-access.ts';
import { readReference } from '../../schema/join.ts';

/** Enough for years of a network's applications; the list reads one record and one contact per item. */
export const APPLICATIONS_LIMIT = 300;

export interface ApplicationsDeps {
  store: ApplicationStore;
  access: EditorAccess;
}

const PRIVATE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' };

/** What editors see of a record: public data, delivery state, and the ciphertext. */
function item(record: ApplicationRecord, contact: string | null) {
  const d = record.delivery;
  return {
    reference: record.reference,
    kind: record.kind ?? 'join',
    state: record.state,
    received_at: record.received_at,
    updated_at: record.updated_at,
    name: record.entry.name,
    slug: record.correction?.slug ?? d.slug ?? record.entry.slug,
    pull_request: d.target === 'github' && d.pull_request ? d.pull_request : null,
    branch: d.branch ?? null,
    last_error: d.last_error ?? null,
    attempts: d.attempts,
    possible_duplicates: record.possible_duplicates.map((m) => ({
      field: m.field,
      value: m.value,
      kind: m.kind,
      slug: m.slug ?? null,
      name: m.name ?? null,
      reference: m.reference ?? null,
    })),
    changes: record.correction?.changes ?? null,
    source_url: record.correction?.source_url ?? null,
    speaks_for_group: record.correction?.speaks_for_group ?? null,
    relation_claim: record.correction?.relation_claim ?? null,
    has_message: record.has_message,
    contact: contact === null ? null : { ciphertext: contact },
  };
}

export function createApplicationsEndpoint(deps: ApplicationsDeps) {
  return async (request: Request, clientIp?: string): Promise<Response> =>
    guarded(async () => {
      const path = new URL(request.url).pathname.replace(/\/+$/, '');
      const forget = /^\/api\/v1\/applications\/([^/]+)\/contact$/.exec(path);
      const denied = checkMethod(request, forget ? ['DELETE'] : ['GET'], {});
      if (denied) return denied;
      if (!forget && path !== '/api/v1/applications') return notFound(t(requestLocale(request), 'api.noResource'), PRIVATE);
      const access = await deps.access(request, clientIp);
      if (!access.ok) {
        const code = access.status === 503 ? 'upstream_unavailable' : access.status === 401 ? 'unauthorized' : 'forbidden';
        return errorResponse(
          access.status,
          { code, message: t(requestLocale(request), `api.editor.${access.reason}`) },
          { ...PRIVATE, ...(access.status === 401 ? { 'WWW-Authenticate': 'token' } : {}), ...(access.status === 503 ? { 'Retry-After': '60' } : {}) },
        );
      }
      if (forget) {
        const reference = readReference(decodeURIComponent(forget[1]!));
        if (!reference || !(await deps.store.get(reference))) return notFound(t(requestLocale(request), 'api.noApplication'), PRIVATE);
        await deps.store.deleteContact(reference);
        return new Response(null, { status: 204, headers: PRIVATE });
      }
      const records = await deps.store.list(APPLICATIONS_LIMIT);
      const contacts = await Promise.all(records.map((r) => deps.store.getContact(r.reference)));
      return json(200, { data: records.map((r, i) => item(r, contacts[i] ?? null)), meta: { total: records.length, limit: APPLICATIONS_LIMIT } }, PRIVATE);
    }, 'applications')(request);
}

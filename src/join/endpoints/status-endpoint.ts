/**
 * `GET /api/v1/join/{reference}`: where an application stands — received, queued, pull request
 * opened, accepted, declined — with its dates and, once opened, its (public) pull request. Never a
 * personal detail, and never the group's texts: the reference is all the caller proves.
 *
 * For an opened application the review target is asked what the editors did (bounded to a few
 * seconds; on failure the last known state is answered).
 */
import { checkMethod, CORS_READ_HEADERS, guarded, json, notFound } from '../../http/respond.ts';
import { readReference } from '../../schema/join.ts';
import type { ApplicationRecord, ApplicationStore } from '../store/application-store.ts';
import { publicStatus } from './join-endpoint.ts';

export interface StatusDeps {
  store: ApplicationStore;
  refresh: (record: ApplicationRecord) => Promise<ApplicationRecord>;
}

export async function findApplication(deps: StatusDeps, text: string): Promise<ApplicationRecord | undefined> {
  const reference = readReference(text);
  if (!reference) return undefined;
  const record = await deps.store.get(reference);
  return record ? deps.refresh(record) : undefined;
}

export function createStatusEndpoint(deps: StatusDeps) {
  return guarded(async (request) => {
    const denied = checkMethod(request, ['GET']);
    if (denied) return denied;
    const raw = new URL(request.url).pathname.replace(/\/+$/, '').split('/').pop() ?? '';
    let text: string;
    try {
      text = decodeURIComponent(raw);
    } catch {
      text = ''; // a malformed %-escape is no reference either
    }
    const record = await findApplication(deps, text);
    const headers = { ...CORS_READ_HEADERS, 'Cache-Control': 'no-store' };
    if (!record) return notFound('No application has this reference.', headers);
    return json(200, publicStatus(record), headers);
  }, 'join-status');
}

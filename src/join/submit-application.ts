/**
 * The join intake: a new entry. The shared pipeline (intake.ts) runs the abuse checks, encrypts
 * the contact and hands the record to the delivery port; this intake validates a join request and,
 * before building the entry, looks for duplicates:
 *
 *   validation (schema + taxonomies) → duplicates (published entries, open applications) → entry + claims
 *
 * Its collaborators (content index, store, delivery, clock, key material) are given to it.
 */
import type { JoinGroup, JoinRequest } from '../schema/join.ts';
import type { ApplicationRecord } from './store/application-store.ts';
import { buildEntry } from './intake/build-entry.ts';
import type { JoinIndex } from './intake/content-index.ts';
import { claimKeys, duplicateKeys, matchApplications, matchEntries, type ClaimHolder } from './intake/find-duplicates.ts';
import { takeIn, type Intake, type IntakeDeps, type SubmitOutcome } from './intake/take-in.ts';
import { validateJoinRequest } from './intake/validate-request.ts';

export { HONEYPOT_FIELD, type SubmitOutcome } from './intake/take-in.ts';

export interface PipelineDeps extends IntakeDeps {
  index: JoinIndex;
  /** Whether an application holding a duplicate claim is still open (see find-duplicates.ts). */
  holder: ClaimHolder;
}

function publicFields(request: Record<string, unknown>): JoinGroup {
  const { contact: _contact, consent: _consent, form_token: _token, lang: _lang, confirm_distinct: _confirm, ...group } = request;
  return group as JoinGroup;
}

export function joinIntake(deps: PipelineDeps): Intake<JoinRequest> {
  return {
    validate: (raw) => validateJoinRequest(raw, deps.index),
    async prepare(request, reference, now) {
      const group = publicFields(request);
      const keys = duplicateKeys(group);
      const entries = matchEntries(keys, deps.index);
      // Once an accepted application's entry is published, the entry is the match.
      const applications = (await matchApplications(keys, reference, deps.store, deps.holder)).filter((a) => !(a.accepted && entries.some((e) => e.field === a.field)));
      const matches = [...entries, ...applications];
      if (matches.length > 0 && !request.confirm_distinct) return { refused: { kind: 'duplicate', matches } };

      const receivedAt = now.toISOString();
      const lost = await claimKeys(keys, { reference, received_at: receivedAt }, deps.store, deps.holder);
      if (lost.length > 0 && !request.confirm_distinct) return { refused: { kind: 'duplicate', matches: lost } };

      const record: ApplicationRecord = {
        format: 1,
        kind: 'join',
        reference,
        state: 'received',
        received_at: receivedAt,
        updated_at: receivedAt,
        entry: buildEntry(group, reference, now),
        duplicate_keys: { names: keys.names.map((n) => n.key), ...(keys.domain ? { domain: keys.domain } : {}) },
        possible_duplicates: [...matches, ...lost],
        has_message: request.contact.message !== undefined,
        delivery: { attempts: 0 },
      };
      return { record };
    },
  };
}

export function submitApplication(raw: Record<string, unknown>, deps: PipelineDeps): Promise<SubmitOutcome> {
  return takeIn(raw, deps, joinIntake(deps));
}

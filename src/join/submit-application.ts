/**
 * The join intake: a new entry. The shared pipeline (intake/take-in.ts) runs the abuse checks,
 * reserves the reference, encrypts the contact and hands the record to the delivery port; this
 * intake validates a join request and looks for duplicates:
 *
 *   validation (schema + taxonomies + overlong texts) → duplicates (published entries, open
 *   applications; read only, before the reservation) → [reservation] → claims → entry
 *
 * The claims come after the reservation (`onlyIfNew`), so of several requests carrying one form
 * token at once only one claims names; a request refused after claiming releases its reservation,
 * and its claims stop counting (claims count only for a record or a fresh reservation that holds
 * them, see find-duplicates.ts). Its collaborators (content index, store, delivery, clock, key
 * material) are given to it.
 */
import type { JoinGroup, JoinRequest } from '../schema/join.ts';
import type { ApplicationRecord, DuplicateMatch } from './store/application-store.ts';
import type { Overlong } from './intake/normalise-input.ts';
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

/** One submission's join intake: `check` keeps the matches it found for `prepare` to record. */
export function joinIntake(deps: PipelineDeps): Intake<JoinRequest> {
  let matches: DuplicateMatch[] = [];
  return {
    validate: (raw, overlong) => validateJoinRequest(raw, deps.index, overlong),
    async check(request, reference) {
      const keys = duplicateKeys(publicFields(request));
      const entries = matchEntries(keys, deps.index);
      // Once an accepted application's entry is published, the entry is the match.
      const applications = (await matchApplications(keys, reference, deps.store, deps.holder)).filter(
        (a) => !(a.accepted && entries.some((e) => e.field === a.field)),
      );
      matches = [...entries, ...applications];
      return matches.length > 0 && !request.confirm_distinct ? { kind: 'duplicate', matches } : undefined;
    },
    async prepare(request, reference, now) {
      const group = publicFields(request);
      const keys = duplicateKeys(group);
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

export function submitApplication(raw: Record<string, unknown>, deps: PipelineDeps, overlong: readonly Overlong[] = []): Promise<SubmitOutcome> {
  return takeIn(raw, deps, joinIntake(deps), overlong);
}

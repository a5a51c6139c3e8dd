/**
 * The correction intake: changed values of an existing entry, run through the same pipeline as a
 * join (intake/take-in.ts: honeypot, overlong texts, signed form token, repeat check, reservation
 * of the reference, encrypted contact, delivery port).
 * It validates the correction against the entry the directory publishes and builds a record whose
 * file change is "these values of content/groups/<slug>.md"; the review targets turn that into
 * Decap's shape for an edit of an existing entry.
 *
 * No duplicate check: a correction names its entry. The slug comes from the URL and must be an
 * entry of the directory; it chooses a file only through that lookup.
 */
import type { CorrectionRequest } from '../schema/correction.ts';
import type { Entry } from '../schema/entry.ts';
import type { ApplicationRecord, FieldChange } from './store/application-store.ts';
import type { JoinIndex } from './intake/content-index.ts';
import { correctedEntry, correctionSource, withSource } from './intake/correction-changes.ts';
import type { Overlong } from './intake/normalise-input.ts';
import { takeIn, type Intake, type IntakeDeps, type SubmitOutcome } from './intake/take-in.ts';
import { validateCorrection } from './intake/validate-correction.ts';

export interface CorrectionDeps extends IntakeDeps {
  index: JoinIndex;
}

/** A valid correction request with the changes it makes to the entry. */
type Correction = CorrectionRequest & { changes: FieldChange[] };

export function correctionIntake(entry: Entry, sentEmpty: readonly string[], deps: CorrectionDeps): Intake<Correction> {
  return {
    validate(raw, overlong) {
      const validated = validateCorrection(raw, sentEmpty, entry, deps.index, overlong);
      return validated.ok ? { ok: true, value: { ...validated.value, changes: validated.changes } } : validated;
    },
    async prepare(request, reference, now) {
      const receivedAt = now.toISOString();
      const record: ApplicationRecord = {
        format: 1,
        kind: 'correction',
        reference,
        state: 'received',
        received_at: receivedAt,
        updated_at: receivedAt,
        entry: withSource(correctedEntry(entry, request.changes), correctionSource(reference, now, request.source_url)),
        correction: {
          slug: entry.slug,
          changes: request.changes,
          speaks_for_group: request.speaks_for_group,
          ...(request.source_url ? { source_url: request.source_url } : {}),
          ...(request.relation_claim ? { relation_claim: request.relation_claim } : {}),
        },
        duplicate_keys: { names: [] },
        possible_duplicates: [],
        has_message: request.contact.message !== undefined,
        delivery: { attempts: 0, slug: entry.slug },
      };
      return { record };
    },
  };
}

export function submitCorrection(
  entry: Entry,
  raw: Record<string, unknown>,
  sentEmpty: readonly string[],
  deps: CorrectionDeps,
  overlong: readonly Overlong[] = [],
): Promise<SubmitOutcome> {
  return takeIn(raw, deps, correctionIntake(entry, sentEmpty, deps), overlong);
}

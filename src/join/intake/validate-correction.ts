/**
 * Parsed body → a valid correction of one entry, or every problem, one per form field (the same
 * field names, messages and codes as a join: validate-request.ts).
 *
 *   1. `null` values and fields sent empty are removals (`cleared`);
 *   2. an editorial field (slug, network_relation, relation_note, sources, dates) is refused with a
 *      message saying what to do instead;
 *   3. the request schema, the taxonomies;
 *   4. the entry as corrected must still be a valid entry (a removed name or last summary is not);
 *   5. a claim about the relation to the network needs a source;
 *   6. a correction that changes nothing, and says nothing about the relation, is refused.
 */
import { correctionRequestSchema, CORRECTABLE_FIELDS, EDITORIAL_FIELDS, type CorrectionRequest } from '../../schema/correction.ts';
import type { Entry } from '../../schema/entry.ts';
import { joinGroupSchema } from '../../schema/join.ts';
import { parseOptions } from '../../schema/messages.ts';
import type { FieldChange } from '../store/application-store.ts';
import type { JoinIndex } from './content-index.ts';
import { changedEntry, proposedChanges, publicFieldsOf } from './correction-changes.ts';
import type { Overlong } from './normalise-input.ts';
import { firstPerField, joinErrors, overlongProblem, problemsOf, termProblems, type FieldProblem } from './validate-request.ts';

export type ValidatedCorrection = { ok: true; value: CorrectionRequest; changes: FieldChange[] } | { ok: false; problems: FieldProblem[] };

const CORRECTABLE = new Set<string>(CORRECTABLE_FIELDS);
const EDITORIAL = new Set<string>(EDITORIAL_FIELDS);

export const NO_CHANGE_FIELD = 'changes';

/** Removes `null`s (top level and one level down) and records them, with the fields sent empty, as removals. */
function splitRemovals(input: Record<string, unknown>, sentEmpty: readonly string[]): { raw: Record<string, unknown>; cleared: Set<string> } {
  const cleared = new Set(sentEmpty.filter((name) => CORRECTABLE.has(name.split('.')[0]!)));
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === null) {
      cleared.add(name);
      continue;
    }
    if (typeof value === 'object' && !Array.isArray(value) && CORRECTABLE.has(name)) {
      const kept = Object.entries(value as Record<string, unknown>).filter(([child, v]) => {
        if (v !== null) return true;
        cleared.add(`${name}.${child}`); // a value sent empty asks for its removal
        return false;
      });
      if (kept.length > 0) raw[name] = Object.fromEntries(kept);
      continue;
    }
    raw[name] = value;
  }
  return { raw, cleared: new Set([...cleared].filter((name) => CORRECTABLE.has(name.split('.')[0]!))) };
}

export function validateCorrection(
  input: Record<string, unknown>,
  sentEmpty: readonly string[],
  entry: Entry,
  index: JoinIndex,
  overlong: readonly Overlong[] = [],
): ValidatedCorrection {
  const { raw, cleared } = splitRemovals(input, sentEmpty);
  // First, so that "must be at most" wins over what the text's removal may cause.
  const problems: FieldProblem[] = overlong.map(overlongProblem);
  for (const name of Object.keys(raw)) {
    if (EDITORIAL.has(name)) {
      problems.push({
        field: name,
        code: 'editorial_field',
        message: 'only the editors set this field; to report a change of relation to the network, write it in relation_claim with a source_url',
      });
      delete raw[name];
    }
  }
  const parsed = correctionRequestSchema.safeParse(raw, { ...parseOptions, error: joinErrors });
  if (!parsed.success) problems.push(...problemsOf(parsed.error));
  problems.push(...termProblems(raw, index, problems));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: firstPerField(problems) };

  const changes = proposedChanges(entry, parsed.data, cleared);
  // The corrected entry's public fields, by the same rules a join's are held to.
  const corrected = publicFieldsOf(changedEntry(entry, changes) as Entry);
  const whole = joinGroupSchema.safeParse(corrected, { ...parseOptions, error: joinErrors });
  if (!whole.success) return { ok: false, problems: firstPerField(problemsOf(whole.error)) };
  if (parsed.data.relation_claim !== undefined && parsed.data.source_url === undefined) {
    return { ok: false, problems: [{ field: 'source_url', code: 'source_required', message: 'give a page that shows the change of relation to the network' }] };
  }
  if (changes.length === 0 && parsed.data.relation_claim === undefined) {
    return {
      ok: false,
      problems: [
        {
          field: NO_CHANGE_FIELD,
          code: 'no_change',
          message: 'nothing differs from the entry: change a value that is wrong, or say what changed about the relation to the network',
        },
      ],
    };
  }
  return { ok: true, value: parsed.data, changes };
}

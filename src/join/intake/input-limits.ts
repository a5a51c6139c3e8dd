/**
 * The longest text each field of the join request may hold, read from the join schema itself
 * (`.max()` of each string, through optional, pipe and list wrappers), so the limits cannot drift
 * from the rules. The body is normalised before validation, and normalising is work done on
 * untrusted text: with these limits a string far above its field's maximum is refused *before*
 * any regular expression or Unicode normalisation touches it (see normalise-input.ts).
 *
 * Paths are the form's names (`name`, `summary.fr`, `contact.email`); list items share their
 * list's path, as in normalise-input.ts.
 */
import type { z } from 'zod';
import { correctionRequestSchema } from '../../schema/correction.ts';
import { joinRequestSchema } from '../../schema/join.ts';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function collect(schema: z.ZodType, path: string, into: Map<string, number>): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      collect(def.innerType!, path, into);
      return;
    case 'pipe':
      collect(def.in!, path, into);
      return;
    case 'array':
      collect(def.element!, path, into);
      return;
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) collect(child, path ? `${path}.${key}` : key, into);
      return;
    case 'string': {
      const max = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      if (max !== undefined) into.set(path, max);
      return;
    }
    default:
  }
}

/**
 * Field path → its maximum length in the join schema, and for the fields only a correction has
 * (`relation_claim`, `source_url`) in the correction schema: both intakes share the normalisation.
 */
export const JOIN_TEXT_LIMITS: ReadonlyMap<string, number> = (() => {
  const limits = new Map<string, number>();
  collect(joinRequestSchema, '', limits);
  const correction = new Map<string, number>();
  collect(correctionRequestSchema, '', correction);
  for (const [path, max] of correction) if (!limits.has(path)) limits.set(path, max);
  return limits;
})();

/**
 * How much longer than its maximum a raw string may be and still be normalised: normalising only
 * removes characters (CRLF → LF, control and invisible characters, runs of spaces, decomposed
 * accents composed), so a text pasted with Windows line ends or in decomposed form keeps room,
 * while a string more than twice its limit cannot become valid and is refused unread.
 */
export const rawLimit = (max: number) => 2 * max + 64;

/** For strings at paths the schema does not know (refused as unknown fields; kept only to be named). */
export const UNKNOWN_FIELD_TEXT_MAX = 1_000;

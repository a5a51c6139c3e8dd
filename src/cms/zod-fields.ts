/**
 * Reading a zod schema the way a form needs it: is a value optional, what is it called, what hint
 * does it carry, what pattern and length does it allow, and what does the schema *say* when a
 * value breaks that rule.
 *
 * Kinds are read from `schema._zod.def` (zod's documented core introspection surface, see
 * https://zod.dev/library-authors); patterns and lengths from `z.toJSONSchema`, so they are the
 * ones the published JSON Schema carries; messages by running the schema itself on a value that
 * breaks the rule, so the editor sees exactly what the content build would print.
 */
import * as z from 'zod';

export type AnySchema = z.ZodType;

interface Def {
  type: string;
  format?: string;
  innerType?: AnySchema;
  element?: AnySchema;
  entries?: Record<string, string>;
  shape?: Record<string, AnySchema>;
}

export function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** `schema.optional()` → the inner schema and `optional: true`; anything else unchanged. */
export function unwrapOptional(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType) return { inner: unwrapOptional(def.innerType).inner, optional: true };
  return { inner: schema, optional: false };
}

export interface Labels {
  title?: string;
  description?: string;
}

/** The `.meta({ title, description })` of a field, looked up on the optional wrapper first. */
export function labelsOf(schema: AnySchema): Labels {
  const outer = (schema.meta() ?? {}) as Labels;
  const inner = (unwrapOptional(schema).inner.meta() ?? {}) as Labels;
  return { title: outer.title ?? inner.title, description: outer.description ?? inner.description };
}

export interface JsonRules {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

/** The constraints the published JSON Schema gives this (unwrapped) schema. */
export function jsonRulesOf(schema: AnySchema): JsonRules {
  const json = z.toJSONSchema(unwrapOptional(schema).inner, { unrepresentable: 'any', io: 'input' }) as JsonRules;
  const { pattern, minLength, maxLength, minimum, maximum, format } = json;
  return { pattern, minLength, maxLength, minimum, maximum, format };
}

/** What the schema says about `value`: the first issue's message, or undefined when it accepts it. */
export function messageFor(schema: AnySchema, value: unknown, code?: string): string | undefined {
  const result = unwrapOptional(schema).inner.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues.find((i) => code === undefined || i.code === code) ?? result.error.issues[0];
  return issue?.message;
}

/** Strings that break most patterns; the first one the pattern refuses is used to ask for the message. */
const PATTERN_PROBES = ['Not valid!', ' ', '-', 'x', 'X', '0', '@'];

/**
 * A single-line rule for a text field that a form can check while typing: the JSON Schema's
 * pattern if there is one, otherwise its maximum length; with the schema's own message for it.
 * Rules a regular expression cannot carry (URL parsing, cross-field checks) are left to the
 * whole-entry check before saving.
 */
export function textRuleOf(schema: AnySchema): { pattern: string; message: string } | undefined {
  const rules = jsonRulesOf(schema);
  if (rules.pattern) {
    const re = new RegExp(rules.pattern);
    const probe = PATTERN_PROBES.find((p) => !re.test(p) && (rules.maxLength === undefined || p.length <= rules.maxLength));
    const message = probe === undefined ? undefined : messageFor(schema, probe, 'invalid_format');
    if (!message) throw new Error(`cannot find the schema's message for the pattern ${rules.pattern}`);
    return { pattern: rules.pattern, message };
  }
  if (rules.maxLength !== undefined) {
    const message = messageFor(schema, 'x'.repeat(rules.maxLength + 1), 'too_big');
    if (!message) throw new Error(`the schema accepts more than its maxLength ${rules.maxLength}`);
    return { pattern: `^[\\s\\S]{0,${rules.maxLength}}$`, message };
  }
  return undefined;
}

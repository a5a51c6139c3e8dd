/**
 * Parsed body → a valid join request, or the list of every problem, one per form field. Field
 * names follow the form's own names (`name`, `summary.fr`, `contact.email`), so the page can put
 * each message next to its field; list items are named by their position ("value 2: …").
 * Subjects and sectors must be terms of the directory's taxonomies (content, not schema).
 */
import type * as z from 'zod';
import { problemOf, problemText, type Problem } from '../../i18n/problems.ts';
import { joinRequestSchema, type JoinRequest } from '../../schema/join.ts';
import { friendlyErrors, parseOptions } from '../../schema/messages.ts';
import type { JoinIndex } from './content-index.ts';
import type { Overlong } from './normalise-input.ts';

/**
 * A problem with one field of the form: a code and its details (src/i18n/problems.ts says it in
 * any language), and the English message, for logs and tests.
 */
export interface FieldProblem extends Problem {
  field: string;
  message: string;
}

/** A problem of a field, its English message filled in. */
export function fieldProblem(field: string, problem: Problem): FieldProblem {
  return { field, ...problem, message: problemText('en', problem, field) };
}

export type Validated = { ok: true; value: JoinRequest } | { ok: false; problems: FieldProblem[] };

function fieldName(path: readonly PropertyKey[]): { field: string; item?: number } {
  const names: string[] = [];
  let item: number | undefined;
  for (const part of path) {
    if (typeof part === 'number') {
      item = part + 1;
      break; // list items are reported on the list field
    }
    names.push(String(part));
  }
  return { field: names.join('.'), ...(item !== undefined ? { item } : {}) };
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(fieldProblem(fieldName([...issue.path, key]).field, { code: 'unknown_field' }));
      }
      continue;
    }
    const { field, item } = fieldName(issue.path);
    const problem = problemOf(issue);
    problems.push(fieldProblem(field, item !== undefined ? { ...problem, detail: { ...problem.detail, item } } : problem));
  }
  return problems;
}

/** One message per field: the first, as the schema ordered them. */
export function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}

/**
 * The shared plain-language messages, completed for the limits the entry schema states without
 * words of its own (`.max(200)`): applicants should read "at most 200 characters", not zod's
 * "Too big: expected string to have <=200 characters".
 */
export const joinErrors: z.core.$ZodErrorMap = (issue) => {
  const friendly = friendlyErrors(issue);
  if (friendly !== undefined) return friendly;
  if (issue.code === 'too_big' && issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string') return `must be at least ${issue.minimum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `give at most ${issue.maximum} values`;
  return undefined;
};

/** Optional fields of the request; a form sends them all, empty ones included. */
const OPTIONAL_FIELDS = new Set(
  Object.entries(joinRequestSchema.shape)
    .filter(([, field]) => (field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name),
);

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** A text refused unread for its length (normalise-input.ts), said as the schema says it. */
export function overlongProblem({ field, maximum }: Overlong): FieldProblem {
  return { field, code: 'too_big', message: `must be at most ${maximum} characters`, detail: { origin: 'string', maximum } };
}

/** Subjects and sectors must be terms of the directory's taxonomies (content, not schema). */
export function termProblems(raw: Record<string, unknown>, index: JoinIndex, known: readonly FieldProblem[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const lists = { subjects: raw.subjects, sectors: raw.sectors } as const;
  for (const taxonomy of ['subjects', 'sectors'] as const) {
    const values = lists[taxonomy];
    if (!Array.isArray(values) || known.some((p) => p.field === taxonomy)) continue;
    values.forEach((value, i) => {
      if (typeof value === 'string' && !index.hasTerm(taxonomy, value)) {
        problems.push(fieldProblem(taxonomy, { code: 'unknown_term', detail: { item: i + 1, term: value.slice(0, 60) } }));
      }
    });
  }
  return problems;
}

export function validateJoinRequest(input: Record<string, unknown>, index: JoinIndex, overlong: readonly Overlong[] = []): Validated {
  // A purpose left blank in every language arrives as `purpose: {}`: for an optional field, not given.
  const raw = Object.fromEntries(Object.entries(input).filter(([name, value]) => !(OPTIONAL_FIELDS.has(name) && isEmptyObject(value))));
  const parsed = joinRequestSchema.safeParse(raw, { ...parseOptions, error: joinErrors });
  // First, so that "must be at most" wins over the "is required" its removal may cause.
  const problems = [...overlong.map(overlongProblem), ...(parsed.success ? [] : problemsOf(parsed.error))];
  problems.push(...termProblems(raw, index, problems));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: firstPerField(problems) };
  return { ok: true, value: parsed.data };
}

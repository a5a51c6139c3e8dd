/**
 * URL query → validated query, or a map of per-parameter messages. Repeated and comma-separated
 * values both work for list parameters; a single-valued parameter given twice is an error, as is
 * any parameter the API does not know.
 */
import type { z } from 'zod';
import { parseOptions } from '../schema/messages.ts';
import { LIST_MAX, MULTI_PARAMS } from '../schema/query.ts';

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

const multi = new Set<string>(MULTI_PARAMS);

export function searchParamsToObject(params: URLSearchParams): { raw: Record<string, string | string[]>; fields: FieldErrors } {
  const raw: Record<string, string | string[]> = {};
  const fields: FieldErrors = {};
  for (const [key, value] of params) {
    if (multi.has(key)) {
      // Appended in place: a list rebuilt per repetition costs the square of the repetitions.
      const list = (raw[key] as string[] | undefined) ?? (raw[key] = []);
      // Past one more than the schema allows, values are not kept: the answer is "at most
      // LIST_MAX values" whatever follows, and validating thousands of them would be wasted work.
      if (list.length > LIST_MAX) continue;
      for (const v of value.split(',', LIST_MAX + 2)) {
        const item = v.trim();
        if (item !== '' && list.length <= LIST_MAX) list.push(item);
      }
    } else if (key in raw) {
      fields[key] = `give "${key}" only once`;
    } else if (value.trim() !== '') {
      raw[key] = value;
    }
  }
  for (const key of multi) if (Array.isArray(raw[key]) && raw[key].length === 0) delete raw[key];
  return { raw, fields };
}

export function issuesToFields(error: z.ZodError, fields: FieldErrors = {}): FieldErrors {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'unknown parameter';
      continue;
    }
    const [head, index] = issue.path;
    const name = String(head ?? '');
    if (fields[name]) continue;
    fields[name] = typeof index === 'number' ? `value ${index + 1}: ${issue.message}` : issue.message;
  }
  return fields;
}

export function parseParams<S extends z.ZodType>(schema: S, params: URLSearchParams): Parsed<z.output<S>> {
  const { raw, fields } = searchParamsToObject(params);
  const parsed = schema.safeParse(raw, parseOptions);
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, fields: parsed.success ? fields : issuesToFields(parsed.error, fields) };
}

/**
 * Request body → a plain object shaped like the join request, from JSON or from an HTML form.
 *
 * A form sends flat `name=value` pairs; the join request has lists, numbers, a boolean and nested
 * objects. How each form field is read is worked out from the join schema itself, not from a
 * second list: a list field collects every value sent under its name (checkboxes, multiple
 * selects) and splits textareas one item per line; `summary.fr` fills `summary: { fr }`; a number
 * field turns digits into a number; a boolean field reads a ticked checkbox. Values it cannot
 * convert are passed on unchanged, so the schema reports them with its own message.
 */
import type * as z from 'zod';
import { JOIN_BODY_LIMIT, joinRequestSchema } from '../../schema/join.ts';
import { mediaType, readBodyText } from '../../http/read-body.ts';
import { normaliseInput, TooDeep, type Overlong } from './normalise-input.ts';

export const ACCEPTED_MEDIA_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

export type ParsedBody =
  | {
      ok: true;
      value: Record<string, unknown>;
      fromForm: boolean;
      /** Fields sent empty or `null` (`website`, `summary.fr`): a correction reads them as "remove this value". */
      cleared: string[];
      /** Texts refused unread for their length (normalise-input.ts): validation reports them. */
      overlong: Overlong[];
    }
  | {
      ok: false;
      status: 400 | 413 | 415;
      /** In English, for logs and tests; the endpoint answers in the sender's language by `status` and `reason`. */
      message: string;
      /** What was wrong with a body that could not be read as fields (catalogue `join.answer.<reason>`). */
      reason?: 'unreadable' | 'notJson' | 'notObject' | 'tooDeep';
      fields?: Record<string, string>;
      fromForm: boolean;
      value?: Record<string, unknown>;
    };

type Kind = 'text' | 'list' | 'number' | 'boolean' | 'object';
export interface FieldShape {
  kind: Kind;
  children?: Record<string, FieldShape>;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The kind of value a schema takes, through optional, default and refinement wrappers. */
function shapeOf(schema: z.ZodType): FieldShape {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return shapeOf(def.innerType!);
    case 'pipe':
      return shapeOf(def.in!);
    case 'array':
      return { kind: 'list' };
    case 'number':
    case 'int':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'literal':
      return { kind: def.values?.every((v) => typeof v === 'boolean') ? 'boolean' : 'text' };
    case 'object':
      return { kind: 'object', children: Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, shapeOf(v)])) };
    default:
      return { kind: 'text' };
  }
}

/** Form field name → how to read it, for a request schema (an object). */
export function formShapeOf(schema: z.ZodType): Record<string, FieldShape> {
  return shapeOf(schema).children!;
}

/** Form field name → how to read it; computed once from the join schema. */
export const JOIN_FORM_SHAPE: Record<string, FieldShape> = formShapeOf(joinRequestSchema);

const TRUE = new Set(['true', 'on', 'yes', '1']);
const FALSE = new Set(['false', 'off', 'no', '0']);

function convert(kind: Kind, values: string[]): unknown {
  switch (kind) {
    case 'list':
      return values.flatMap((v) => v.split(/\r\n?|\n/));
    case 'number': {
      const v = values[0]!.trim();
      return /^-?\d{1,9}$/.test(v) ? Number(v) : v === '' ? undefined : v;
    }
    case 'boolean': {
      const v = values[0]!.trim().toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : v;
    }
    default:
      return values[0];
  }
}

/**
 * Decodes `application/x-www-form-urlencoded` pairs with the join schema's shape. A one-value
 * field sent twice is an error (a browser never does that; a hand-made post might).
 */
export function decodeForm(params: URLSearchParams, shape: Record<string, FieldShape> = JOIN_FORM_SHAPE) {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = grouped.get(key);
    if (values)
      values.push(value); // not a copy per value: a key repeated n times must cost n, not n²
    else grouped.set(key, [value]);
  }
  const value: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  const nested: Record<string, Record<string, unknown>> = {};
  for (const [key, values] of grouped) {
    const dot = key.indexOf('.');
    const parent = dot > 0 ? shape[key.slice(0, dot)] : undefined;
    const childName = key.slice(dot + 1);
    const child = parent?.kind === 'object' ? parent.children?.[childName] : undefined;
    const field = child ?? shape[key];
    if (!field || (dot > 0 && !child)) {
      Object.defineProperty(value, key, { value: values[0], enumerable: true, writable: true, configurable: true });
      continue; // unknown: the strict schema names it
    }
    if (field.kind !== 'list' && values.length > 1) {
      fields[key] = 'give this field only once';
      continue;
    }
    const converted = convert(field.kind, values);
    if (child) {
      const parentName = key.slice(0, dot);
      (nested[parentName] ??= {})[childName] = converted;
    } else {
      value[key] = converted;
    }
  }
  for (const [name, object] of Object.entries(nested)) value[name] = object;
  return { value, fields };
}

/** `shape`: how to read a form post, from the intake's request schema (the join's by default). */
export async function parseJoinBody(request: Request, limit = JOIN_BODY_LIMIT, shape: Record<string, FieldShape> = JOIN_FORM_SHAPE): Promise<ParsedBody> {
  const type = mediaType(request);
  const fromForm = type === 'application/x-www-form-urlencoded';
  if (!(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(type)) {
    return { ok: false, status: 415, fromForm, message: `Send the application as ${ACCEPTED_MEDIA_TYPES.join(' or ')}.` };
  }
  const read = await readBodyText(request, limit);
  if (!read.ok) {
    return read.reason === 'too_large'
      ? { ok: false, status: 413, fromForm, message: `The application is larger than ${Math.round(limit / 1024)} KB; shorten the longest texts.` }
      : { ok: false, status: 400, fromForm, reason: 'unreadable', message: 'The request body could not be read.' };
  }
  let raw: Record<string, unknown>;
  let fields: Record<string, string> = {};
  if (fromForm) {
    ({ value: raw, fields } = decodeForm(new URLSearchParams(read.text), shape));
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch {
      return { ok: false, status: 400, fromForm, reason: 'notJson', message: 'The body is not valid JSON.' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, status: 400, fromForm, reason: 'notObject', message: 'The body must be a JSON object with the application’s fields.' };
    }
    raw = parsed as Record<string, unknown>;
  }
  let normalised: Record<string, unknown>;
  let overlong: Overlong[];
  try {
    ({ value: normalised, overlong } = normaliseInput(raw));
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, status: 400, fromForm, reason: 'tooDeep', message: 'The request is nested too deeply.' };
    throw error;
  }
  if (Object.keys(fields).length > 0) return { ok: false, status: 400, fromForm, message: 'Some fields were sent more than once.', fields, value: normalised };
  // A text dropped for its length was not sent empty: it must not read as "remove this value".
  const tooLong = new Set(overlong.map((o) => o.field));
  const cleared = clearedFields(raw, normalised).filter((name) => !tooLong.has(name));
  return { ok: true, value: normalised, fromForm, cleared, overlong };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names sent whose value normalised to nothing, or was `null`: top level, and one level down (`summary.fr`). */
export function clearedFields(sent: Record<string, unknown>, normalised: Record<string, unknown>): string[] {
  const cleared: string[] = [];
  for (const [name, value] of Object.entries(sent)) {
    const after = Object.hasOwn(normalised, name) ? normalised[name] : undefined;
    if (after === undefined || after === null) cleared.push(name);
    else if (isPlainObject(value) && isPlainObject(after)) {
      for (const child of Object.keys(value)) {
        const inner = Object.hasOwn(after, child) ? after[child] : undefined;
        if (inner === undefined || inner === null) cleared.push(`${name}.${child}`);
      }
    }
  }
  return cleared;
}

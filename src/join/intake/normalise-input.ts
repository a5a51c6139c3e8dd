/**
 * Every string an applicant sends is normalised before validation, so that what editors review,
 * what duplicate detection compares and what the schema measures are the same text:
 *
 * - line breaks become `\n`; tabs become spaces; control characters (C0, C1, DEL) are removed;
 * - bidirectional embedding, override and isolate controls are removed (they can make a name or a
 *   file read differently from what it is, "Trojan Source"), as are invisible characters that only
 *   serve to make two equal-looking names differ (zero-width space, word joiner, BOM, soft
 *   hyphen). Joiners (ZWJ, ZWNJ) and directional marks (LRM, RLM, ALM) stay: emoji sequences,
 *   Persian and Indic scripts and right-to-left text need them;
 * - Unicode NFC, so "é" typed two ways is one "é";
 * - one-line fields collapse runs of white space; multi-line fields keep single blank lines;
 * - leading and trailing white space is trimmed, and a value left empty counts as not given.
 *
 * Every step is linear in the text's length, and no text reaches a step unbounded: a string more
 * than about twice its field's maximum (input-limits.ts) is refused unread, and a string at a path
 * the schema has no maximum for (codes, choices, unknown fields, all refused when long) is cut
 * first. So the cost of a request is bounded by its field limits, not by what an attacker sends.
 */
import { MULTILINE_FIELDS } from '../../schema/join.ts';
import { JOIN_TEXT_LIMITS, rawLimit, UNKNOWN_FIELD_TEXT_MAX } from './input-limits.ts';

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLES = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/g;
const MAX_DEPTH = 6;
/** Keys kept per object: the join request's widest object has 21. */
const MAX_KEYS = 64;

export function normaliseText(value: string, multiline: boolean): string {
  let text = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(INVISIBLES, '');
  text = text.normalize('NFC');
  if (multiline) {
    text = text
      .split('\n')
      // trimEnd removes exactly what /\s+$/u matches, in one backward scan; the regular expression
      // retries from every space of a long run, which costs the square of the run's length.
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    text = text.replace(/\s+/gu, ' ');
  }
  return text.trim();
}

export class TooDeep extends Error {}

const multilineRoots = new Set<string>(MULTILINE_FIELDS);

function isMultiline(path: readonly string[]): boolean {
  // `purpose.fr` is multi-line because `purpose` is; `contact.message` by its full name.
  return multilineRoots.has(path[0] ?? '') || multilineRoots.has(path.slice(0, 2).join('.'));
}

/** A string refused unread because it is far longer than its field allows. */
export interface Overlong {
  field: string;
  maximum: number;
}

/** `depth` counts lists as well as objects: list items share their list's path. */
function walk(value: unknown, path: string[], depth: number, overlong: Map<string, number>): unknown {
  if (depth > MAX_DEPTH) throw new TooDeep('the request is nested too deeply');
  if (typeof value === 'string') {
    const field = path.join('.');
    const max = JOIN_TEXT_LIMITS.get(field);
    if (max !== undefined && value.length > rawLimit(max)) {
      overlong.set(field, max);
      return undefined;
    }
    const text = normaliseText(max === undefined ? value.slice(0, UNKNOWN_FIELD_TEXT_MAX) : value, isMultiline(path));
    return text === '' ? undefined : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => walk(item, path, depth + 1, overlong)).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    // Object.fromEntries defines own properties, so a "__proto__" key stays a (rejected) key.
    // No object of a valid request has more than MAX_KEYS keys; past them the request is refused
    // for its unknown fields anyway, and naming tens of thousands of them is work for nobody.
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, MAX_KEYS)
        .map(([key, item]) => [key, walk(item, [...path, key], depth + 1, overlong)] as const)
        .filter(([, item]) => item !== undefined),
    );
  }
  return value;
}

/**
 * Normalises every string of a parsed request body (JSON or decoded form). Throws `TooDeep` for
 * structures deeper than any valid join request. Strings refused for their length are left out of
 * `value` and listed in `overlong`, one per field.
 */
export function normaliseInput(input: Record<string, unknown>): { value: Record<string, unknown>; overlong: Overlong[] } {
  const overlong = new Map<string, number>();
  const value = walk(input, [], 0, overlong) as Record<string, unknown>;
  return { value, overlong: [...overlong].map(([field, maximum]) => ({ field, maximum })) };
}

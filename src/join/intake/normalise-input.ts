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
 */
import { MULTILINE_FIELDS } from '../../schema/join.ts';

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLES = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/g;
const MAX_DEPTH = 6;

export function normaliseText(value: string, multiline: boolean): string {
  let text = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(INVISIBLES, '');
  text = text.normalize('NFC');
  if (multiline) {
    text = text
      .split('\n')
      .map((line) => line.replace(/\s+$/u, ''))
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

/** `depth` counts lists as well as objects: list items share their list's path. */
function walk(value: unknown, path: string[], depth: number): unknown {
  if (depth > MAX_DEPTH) throw new TooDeep('the request is nested too deeply');
  if (typeof value === 'string') {
    const text = normaliseText(value, isMultiline(path));
    return text === '' ? undefined : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => walk(item, path, depth + 1)).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    // Object.fromEntries defines own properties, so a "__proto__" key stays a (rejected) key.
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key, walk(item, [...path, key], depth + 1)] as const)
        .filter(([, item]) => item !== undefined),
    );
  }
  return value;
}

/**
 * Normalises every string of a parsed request body (JSON or decoded form). Throws `TooDeep` for
 * structures deeper than any valid join request.
 */
export function normaliseInput(input: Record<string, unknown>): Record<string, unknown> {
  return walk(input, [], 0) as Record<string, unknown>;
}

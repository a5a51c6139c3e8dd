/**
 * Merging a listing into an entry that already exists, field by field, without overwriting
 * anything: an empty field (or a language the entry does not have yet) is filled; a field that
 * already holds a different value is kept and reported as a conflict for an editor to settle.
 * Lists count as different when the listing has an item the entry lacks.
 */
import { compactKey, fold, websiteKey } from '../../text/normalise-text.ts';
import { looksCutOff } from './derive-text.ts';
import { TRANSLATABLE_FIELDS, type Entry } from '../../schema/entry.ts';
import type { ContentLocale } from '../../schema/locales.ts';
import type { ListingFacts } from './map-listing.ts';

export interface Change {
  /** Field path, with the language for translated texts: `summary.en`. */
  field: string;
  value: unknown;
}

export interface Conflict {
  field: string;
  kept: unknown;
  listing: unknown;
}

export interface MergeResult {
  entry: Entry;
  filled: Change[];
  conflicts: Conflict[];
  /** What was decided without a conflict (a cut-off text replaced or kept). */
  notes: string[];
}

const SINGLE_FIELDS = ['geographic_scope', 'structure', 'website', 'founded'] as const;
const LIST_FIELDS = ['subjects', 'sectors', 'languages', 'sources'] as const;

/** Whitespace is not a difference worth a conflict (YAML block scalars and hand edits vary it). */
function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** `http://www.x.org/` and `https://x.org` are the same website (websiteKey); other values compare as JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && /^https?:/i.test(a) && /^https?:/i.test(b)) {
    const [ka, kb] = [websiteKey(a), websiteKey(b)];
    if (ka !== undefined && kb !== undefined) return ka === kb;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && 'url' in a && 'url' in b) {
    return sameValue((a as { url: unknown }).url, (b as { url: unknown }).url) && (a as { title?: unknown }).title === (b as { title?: unknown }).title;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The same text, one cut short: the shorter's words (but a possibly cut last one) start the longer. */
function sameTextCutShort(short: string, long: string): boolean {
  const a = fold(short).replace(/\s+/g, ' ').trim();
  const b = fold(long).replace(/\s+/g, ' ').trim();
  const whole = a.slice(0, Math.max(0, a.lastIndexOf(' ')));
  return b.length > a.length && whole.length >= 20 && b.startsWith(whole);
}

export interface MergeOptions {
  /** The listing's purpose ends short: it never replaces a text, and a complete one may replace a cut one. */
  cutOff?: boolean;
}

export function mergeEntry(existing: Entry, facts: ListingFacts, today: string, options: MergeOptions = {}): MergeResult {
  const entry: Entry = structuredClone(existing);
  const filled: Change[] = [];
  const conflicts: Conflict[] = [];
  const notes: string[] = [];

  const names = [existing.name, existing.short_name, ...(existing.alternate_names ?? [])].filter((n): n is string => !!n).map(compactKey);
  if (!names.includes(compactKey(facts.name))) conflicts.push({ field: 'name', kept: existing.name, listing: facts.name });

  for (const field of TRANSLATABLE_FIELDS) {
    const texts: Partial<Record<ContentLocale, string>> = facts[field] ?? {};
    for (const [locale, text] of Object.entries(texts) as [ContentLocale, string][]) {
      const current = entry[field]?.[locale];
      if (current === undefined || current.trim() === '') {
        entry[field] = { ...entry[field], [locale]: text };
        filled.push({ field: `${field}.${locale}`, value: text });
      } else if (sameText(current, text)) {
      } else if (field === 'purpose' && !options.cutOff && looksCutOff(current) && sameTextCutShort(current, text)) {
        entry[field] = { ...entry[field], [locale]: text };
        filled.push({ field: `${field}.${locale}`, value: text });
        notes.push(`${field}.${locale}: the stored text is cut off and this listing has it whole: replaced it with the complete text`);
      } else if (field === 'purpose' && options.cutOff && sameTextCutShort(text, current)) {
        notes.push(`${field}.${locale}: this listing's text is cut off; kept the complete text already stored`);
      } else {
        conflicts.push({ field: `${field}.${locale}`, kept: current, listing: text });
      }
    }
  }

  const fields = entry as Record<string, unknown>;
  for (const field of SINGLE_FIELDS) {
    const value = facts[field];
    if (value === undefined) continue;
    if (fields[field] === undefined) {
      fields[field] = value;
      filled.push({ field, value });
    } else if (!sameValue(fields[field], value)) {
      conflicts.push({ field, kept: fields[field], listing: value });
    }
  }

  for (const field of LIST_FIELDS) {
    const items: unknown[] = facts[field] ?? [];
    if (items.length === 0) continue;
    const current = (fields[field] as unknown[] | undefined) ?? [];
    if (current.length === 0) {
      fields[field] = items;
      filled.push({ field, value: items });
    } else if (items.some((item) => !current.some((c) => sameValue(c, item)))) {
      conflicts.push({ field, kept: current, listing: items });
    }
  }

  if (filled.length > 0 && today > entry.updated) entry.updated = today;
  return { entry, filled, conflicts, notes };
}

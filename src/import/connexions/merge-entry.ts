/**
 * Merging a listing into an entry that already exists, field by field, without overwriting
 * anything: an empty field (or a language the entry does not have yet) is filled; a field that
 * already holds a different value is kept and reported as a conflict for an editor to settle.
 * Lists count as different when the listing has an item the entry lacks.
 */
import { nameKey } from '../../text/normalise-text.ts';
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
}

const SINGLE_FIELDS = ['geographic_scope', 'structure', 'website', 'founded'] as const;
const LIST_FIELDS = ['subjects', 'sectors', 'languages', 'sources'] as const;

/** Whitespace is not a difference worth a conflict (YAML block scalars and hand edits vary it). */
function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** `https://x.org` and `https://x.org/` are the same website. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && /^https?:/i.test(a) && URL.canParse(a) && URL.canParse(b)) {
    return new URL(a).href === new URL(b).href;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

export function mergeEntry(existing: Entry, facts: ListingFacts, today: string): MergeResult {
  const entry: Entry = structuredClone(existing);
  const filled: Change[] = [];
  const conflicts: Conflict[] = [];

  const names = [existing.name, ...(existing.alternate_names ?? [])].map(nameKey);
  if (!names.includes(nameKey(facts.name))) conflicts.push({ field: 'name', kept: existing.name, listing: facts.name });

  for (const field of TRANSLATABLE_FIELDS) {
    const texts: Partial<Record<ContentLocale, string>> = facts[field] ?? {};
    for (const [locale, text] of Object.entries(texts) as [ContentLocale, string][]) {
      const current = entry[field]?.[locale];
      if (current === undefined || current.trim() === '') {
        entry[field] = { ...entry[field], [locale]: text };
        filled.push({ field: `${field}.${locale}`, value: text });
      } else if (!sameText(current, text)) {
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
  return { entry, filled, conflicts };
}

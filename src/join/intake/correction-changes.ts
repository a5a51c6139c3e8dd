/**
 * What a correction changes: the values it proposes compared with the entry as the directory
 * publishes it, one `FieldChange` per field (per language for summary and purpose). A value
 * proposed as it already is changes nothing, compared the way the pipeline normalises input: the
 * entry's own text goes through the same normalisation, so a form sent back untouched (its
 * textareas re-wrapped by the browser, its multi-selects in the options' order) is no change.
 */
import { CORRECTABLE_FIELDS, type CorrectableField, type CorrectionRequest } from '../../schema/correction.ts';
import { entrySchema, type Entry } from '../../schema/entry.ts';
import { MULTILINE_FIELDS, type JoinGroup } from '../../schema/join.ts';
import { CONTENT_LOCALES } from '../../schema/locales.ts';
import type { FieldChange } from '../store/application-store.ts';
import { normaliseText } from './normalise-input.ts';

/** Lists whose order means nothing (a form sends them in the options' order). */
const SET_FIELDS = new Set<CorrectableField>(['countries', 'languages', 'subjects', 'sectors']);
const TRANSLATED = new Set<CorrectableField>(['summary', 'purpose']);
const MULTILINE = new Set<string>(MULTILINE_FIELDS);

function normalised(field: CorrectableField, value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value, MULTILINE.has(field));
  if (Array.isArray(value)) {
    const items = value.map((v) => normalised(field, v));
    return SET_FIELDS.has(field) ? [...items].map(String).sort() : items;
  }
  return value;
}

function same(field: CorrectableField, a: unknown, b: unknown): boolean {
  return JSON.stringify(normalised(field, a)) === JSON.stringify(normalised(field, b));
}

/** The changes `request` proposes to `entry`; `cleared` names the fields sent empty or null (removals). */
export function proposedChanges(entry: Entry, request: Partial<CorrectionRequest>, cleared: ReadonlySet<string>): FieldChange[] {
  const changes: FieldChange[] = [];
  const current = entry as unknown as Record<string, unknown>;
  const given = request as Record<string, unknown>;
  for (const field of CORRECTABLE_FIELDS) {
    if (TRANSLATED.has(field)) {
      const now = (current[field] ?? {}) as Record<string, string | undefined>;
      const proposed = (given[field] ?? {}) as Record<string, string | undefined>;
      for (const locale of CONTENT_LOCALES) {
        const from = now[locale];
        if (cleared.has(field) || cleared.has(`${field}.${locale}`)) {
          if (from !== undefined) changes.push({ field, locale, from });
        } else if (proposed[locale] !== undefined && (from === undefined || !same(field, from, proposed[locale]))) {
          changes.push({ field, locale, ...(from !== undefined ? { from } : {}), to: proposed[locale] });
        }
      }
      continue;
    }
    const from = current[field];
    if (cleared.has(field)) {
      if (from !== undefined) changes.push({ field, from });
    } else if (given[field] !== undefined && (from === undefined || !same(field, from, given[field]))) {
      changes.push({ field, ...(from !== undefined ? { from } : {}), to: given[field] });
    }
  }
  return changes;
}

/** The entry with the changes made, not yet validated (a change may remove a required value). */
export function changedEntry(entry: Entry, changes: readonly FieldChange[]): Record<string, unknown> {
  const next: Record<string, unknown> = structuredClone(entry);
  for (const change of changes) {
    if (change.locale) {
      const texts = { ...((next[change.field] as Record<string, string> | undefined) ?? {}) };
      if (change.to === undefined) delete texts[change.locale];
      else texts[change.locale] = change.to as string;
      if (Object.keys(texts).length === 0) delete next[change.field];
      else next[change.field] = texts;
    } else if (change.to === undefined) {
      delete next[change.field];
    } else {
      next[change.field] = change.to;
    }
  }
  return next;
}

/** The public fields of an entry: what a correction may propose, and what its form shows. */
export function publicFieldsOf(entry: Entry): Partial<JoinGroup> {
  const current = entry as unknown as Record<string, unknown>;
  return Object.fromEntries(CORRECTABLE_FIELDS.filter((f) => current[f] !== undefined).map((f) => [f, current[f]])) as Partial<JoinGroup>;
}

/** The corrected entry, valid by the entry schema (the caller has validated the public fields). */
export function correctedEntry(entry: Entry, changes: readonly FieldChange[]): Entry {
  return entrySchema.parse(changedEntry(entry, changes));
}

/**
 * The source a correction brings: its page, recorded by the pipeline (as a join records its
 * application) so the entry says where the corrected facts come from; editors may keep or drop it.
 */
export function correctionSource(reference: string, receivedAt: Date, url: string | undefined): { url: string; title: string } | undefined {
  return url ? { url, title: `Correction ${reference}, received ${receivedAt.toISOString().slice(0, 10)}` } : undefined;
}

/** The entry's sources with `source` added, unless one with its address is there already. */
export function sourcesWith(sources: Entry['sources'], source: { url: string; title: string } | undefined): Entry['sources'] {
  if (!source || (sources ?? []).some((s) => s.url === source.url)) return sources;
  return [...(sources ?? []), source];
}

export function withSource(entry: Entry, source: { url: string; title: string } | undefined): Entry {
  const sources = sourcesWith(entry.sources, source);
  return sources === entry.sources ? entry : { ...entry, sources };
}

/**
 * NDJSON (https://github.com/ndjson/ndjson-spec): one entry per line, exactly as the entry schema
 * defines it and in its field order, every language included. Each line validates against
 * `entrySchema`, which is what makes this the lossless export.
 */
import { entryFields, type Entry } from '../schema/entry.ts';

const FIELD_ORDER = Object.keys(entryFields) as (keyof Entry)[];

export function toSchemaEntry(entry: Entry): Entry {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (entry[key] !== undefined) out[key] = entry[key];
  return out as Entry;
}

/** One line per entry, each with its line feed, for streaming. */
export function* ndjsonLines(entries: Iterable<Entry>): Generator<string> {
  for (const e of entries) yield `${JSON.stringify(toSchemaEntry(e))}\n`;
}

export function toNdjson(entries: readonly Entry[]): string {
  return [...ndjsonLines(entries)].join('');
}

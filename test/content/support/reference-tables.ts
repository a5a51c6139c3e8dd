/**
 * Reads the reference tables in data/reference/ (gathered from public pages; see its README) and
 * content/REVIEW.md, and matches a table row to the directory entry that carries it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryName, isCountryCode } from '../../../src/schema/codes.ts';
import type { Entry } from '../../../src/schema/entry.ts';

export const PROJECT = join(import.meta.dirname, '..', '..', '..');
export const REFERENCE = join(PROJECT, 'data', 'reference');

export interface ReferenceRow {
  table: string;
  /** 1-based line in the file, for messages. */
  line: number;
  name: string;
  shortNames: string[];
  country: string;
  /** Every address in the row's source column. */
  urls: string[];
  relation: string;
}

/** Splits a TSV with a header line into records keyed by the header's column names. */
function readTsv(file: string): { line: number; cells: Record<string, string> }[] {
  const [header, ...lines] = readFileSync(join(REFERENCE, file), 'utf8').replace(/\r/g, '').split('\n');
  const columns = header!.split('\t');
  return lines
    .map((text, i) => ({ line: i + 2, text }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ line, text }) => {
      const values = text.split('\t');
      return { line, cells: Object.fromEntries(columns.map((c, i) => [c, (values[i] ?? '').trim()])) };
    });
}

const URL_IN_TEXT = /https?:\/\/[^\s;]+/g;

export function readReferenceRows(): ReferenceRow[] {
  return ['ilnss-organisations.tsv', 'ilnss-organisations-more.tsv'].flatMap((table) =>
    readTsv(table).map(({ line, cells }) => ({
      table,
      line,
      name: cells.name!,
      shortNames: (cells.short_name ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      country: cells.country ?? '',
      urls: [...(cells.source ?? '').matchAll(URL_IN_TEXT)].map((m) => m[0]),
      relation: cells.relation ?? '',
    })),
  );
}

/** Case-, accent-, quote- and spacing-insensitive form of a name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’'`]/g, "'")
    .replace(/[“”"]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The names a row may be known by: the whole name, the name without its bracketed part, the
 * bracketed part (an expansion or translation, unless it is an editor's remark such as "as named: …"),
 * and each short name.
 */
export function rowNames(row: ReferenceRow): Set<string> {
  const names = [row.name, ...row.shortNames];
  const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(row.name);
  if (bracket) {
    names.push(bracket[1]!);
    if (!/^(as named|student current|argentina|.*section)/i.test(bracket[2]!)) names.push(bracket[2]!);
  }
  return new Set(names.filter(Boolean).map(normaliseName));
}

export function entryNames(entry: Entry): Set<string> {
  return new Set([entry.name, entry.short_name, ...(entry.alternate_names ?? [])].filter((n): n is string => !!n).map(normaliseName));
}

/** The entry that carries a row: it is known by one of the row's names and cites every page the row cites. */
export function entryForRow(row: ReferenceRow, entries: readonly Entry[]): Entry | undefined {
  const names = rowNames(row);
  return entries.find((entry) => {
    const urls = new Set(entry.sources?.map((s) => s.url));
    return [...entryNames(entry)].some((n) => names.has(n)) && row.urls.every((u) => urls.has(u));
  });
}

/** Rows whose relation, in the source's words, states membership; no other row may be a member. */
export function rowStatesMembership(row: ReferenceRow): boolean {
  return /founding member|member \(self-declared\)|adheres|a member organisation of/i.test(row.relation);
}

/**
 * The ISO code of a table's country column ("Spain (Spanish State)" → ES), or undefined when the
 * column is empty, says the country is only inferred ("from name"), or names no single country.
 */
export function rowCountryCode(row: ReferenceRow): string | undefined {
  if (row.country === '' || /from name|international/i.test(row.country)) return undefined;
  const name = normaliseName(row.country.replace(/\s*\(.*\)\s*$/, ''));
  const code = ALIASES[name] ?? countryCodesByName().get(name);
  if (!code) throw new Error(`${row.table}:${row.line}: country "${row.country}" names no ISO 3166-1 country`);
  return code;
}

/** Names the tables use where the platform's CLDR data says otherwise ("Palestinian Territories", "Türkiye"). */
const ALIASES: Record<string, string> = { palestine: 'PS', turkey: 'TR' };

let byName: Map<string, string> | undefined;
function countryCodesByName(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (isCountryCode(code)) byName.set(normaliseName(countryName(code)), code);
      }
    }
  }
  return byName;
}

export interface ReviewSection {
  heading: string;
  body: string;
}

/** The `### ` sections under "## Rows of the reference tables that are not entries" in content/REVIEW.md. */
export function readReviewedRows(): ReviewSection[] {
  const text = readFileSync(join(PROJECT, 'content', 'REVIEW.md'), 'utf8');
  const part = /^## Rows of the reference tables that are not entries\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text);
  if (!part) return [];
  return part[1]!
    .split(/^### /m)
    .slice(1)
    .map((chunk) => {
      const [heading, ...rest] = chunk.split('\n');
      return { heading: heading!.trim(), body: rest.join('\n') };
    });
}

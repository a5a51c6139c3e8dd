/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, quotes doubled), one row per
 * entry. Columns follow the entry schema's fields in order; translatable texts get one column per
 * content language (`summary_en`, `summary_fr`, …); the last column, `page`, is the group's page on
 * the site. Lists are joined with "; ", and a backslash goes before any `\`, `;`, `<` or `>` inside
 * an item, so a name or an address holding "; " still splits back into the same items; a source is
 * written `title <url>`. NDJSON is the lossless export; CSV is the one people open.
 *
 * The file starts with a UTF-8 byte order mark, because Excel otherwise reads it as Windows-1252
 * and turns "Confederación" into "ConfederaciÃ³n"; LibreOffice, Google Sheets and csv libraries
 * skip it (Python: `encoding="utf-8-sig"`).
 */
import { entryFields, TRANSLATABLE_FIELDS, type Entry } from '../schema/entry.ts';
import { CONTENT_LOCALES } from '../schema/locales.ts';
import { paths } from '../schema/routes.ts';

export const LIST_SEPARATOR = '; ';
export const BOM = '\uFEFF';

type Field = keyof typeof entryFields;
const TRANSLATABLE = new Set<string>(TRANSLATABLE_FIELDS);

/** Column names, derived from the schema: a new field becomes a new column (before `page`). */
export const CSV_COLUMNS: string[] = [
  ...(Object.keys(entryFields) as Field[]).flatMap((field) => (TRANSLATABLE.has(field) ? CONTENT_LOCALES.map((l) => `${field}_${l}`) : [field])),
  'page',
];

/** An item of a list cell with its own `\`, `;`, `<` and `>` escaped by a backslash. */
export function escapeItem(text: string): string {
  return text.replace(/[\\;<>]/g, (c) => `\\${c}`);
}

function listCell(items: readonly string[]): string {
  return items.map(escapeItem).join(LIST_SEPARATOR);
}

/**
 * OWASP "CSV injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell whose text
 * starts with = + - @, a tab or a carriage return (after any spaces) gets a leading apostrophe,
 * which Excel and LibreOffice hide and which makes them show the text. The full-width forms are
 * guarded too: some spreadsheets read them as the ASCII ones.
 */
const FORMULA_LEAD = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function guardFormula(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/**
 * Every cell holding a character some spreadsheet splits or ends a cell on is quoted: not only the
 * comma of RFC 4180, but the semicolon (French, German, Spanish, Italian, Portuguese Excel split
 * on it) and the tab; so no part of a text can become a cell of its own — and a formula there.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(text: string): string {
  const guarded = guardFormula(text);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function sourceText(s: NonNullable<Entry['sources']>[number]): string {
  if (s.url && s.title) return `${escapeItem(s.title)} <${escapeItem(s.url)}>`;
  return escapeItem(s.url ?? s.title ?? '');
}

function cellsOf(entry: Entry, field: Field): string[] {
  if (TRANSLATABLE.has(field)) {
    const texts = entry[field as (typeof TRANSLATABLE_FIELDS)[number]];
    return CONTENT_LOCALES.map((l) => texts?.[l] ?? '');
  }
  if (field === 'sources') return [(entry.sources ?? []).map(sourceText).join(LIST_SEPARATOR)];
  const value = entry[field];
  if (value === undefined) return [''];
  if (Array.isArray(value)) return [listCell(value)];
  return [String(value)];
}

/** One row; `baseUrl` is the site's address, for the `page` column. */
export function csvRow(entry: Entry, baseUrl = ''): string[] {
  return [...(Object.keys(entryFields) as Field[]).flatMap((field) => cellsOf(entry, field)), `${baseUrl}${paths.entry('en', entry.slug)}`];
}

/** The file line by line (each with its CRLF; the first with the byte order mark), for streaming. */
export function* csvLines(entries: Iterable<Entry>, baseUrl = ''): Generator<string> {
  yield `${BOM}${CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
  for (const entry of entries) yield `${csvRow(entry, baseUrl).map(csvCell).join(',')}\r\n`;
}

export function toCsv(entries: readonly Entry[], baseUrl = ''): string {
  return [...csvLines(entries, baseUrl)].join('');
}

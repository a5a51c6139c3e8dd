/**
 * Changes some values of an existing entry file and leaves every other byte as it was: what a
 * public correction proposes must show, in the pull request and in the CMS, as exactly the lines
 * it changes — not as a file re-serialised with another quoting, key order or line width.
 *
 * The file is read with the `yaml` package's Document API (`parseDocument`), which knows where
 * each key and value sits in the text (`node.range`). Each change rewrites only the lines of its
 * own key: the new `key: value` lines come from the same serialiser and options as the encoder
 * (`stringifyYaml`), indented like their neighbours; a new key goes where the encoder would put it
 * (after the nearest key that precedes it in `keyOrder`), a new language block where its locale
 * comes. Then the result is checked against the same edit made with `setIn` / `deleteIn` on the
 * parsed Document: if the values differ, the edit is refused rather than written.
 * https://eemeli.org/yaml/#documents, https://eemeli.org/yaml/#creating-nodes
 */
import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { CONTENT_LOCALES, DEFAULT_LOCALE, type ContentLocale } from '../schema/locales.ts';
import type { Entry } from '../schema/entry.ts';
import { fileLocation, keyOrder } from './entry-file.ts';
import { stringifyYaml } from './front-matter.ts';

/** One value to change: `to` undefined removes the field (or this language's text). */
export interface ValueChange {
  field: keyof Entry;
  /** For summary and purpose: the language of the text. */
  locale?: ContentLocale;
  to?: unknown;
}

export class EntryFileEditError extends Error {
  override name = 'EntryFileEditError';
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

interface Splice {
  start: number;
  end: number;
  text: string;
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);

/** From the start of `offset`'s line. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Just past the line break that ends the line holding `offset - 1` (a range's exclusive end). */
function lineEnd(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const at = text.indexOf('\n', end);
  return at < 0 ? text.length : at + 1;
}

/** The start and end (exclusive, whole lines) of a pair in the text. */
function pairSpan(text: string, pair: Pair): { start: number; end: number } {
  const key = pair.key as { range?: [number, number, number] };
  const value = pair.value as { range?: [number, number, number] } | null;
  const start = lineStart(text, key.range![0]);
  const last = value?.range ? value.range[1] : key.range![1];
  return { start, end: lineEnd(text, last) };
}

/** `key: value` lines, written as the encoder writes them, each indented by `indent`. */
function pairLines(key: string, value: unknown, indent: string): string {
  return stringifyYaml({ [key]: value })
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}

function indentOf(text: string, node: { range?: [number, number, number] }): string {
  const start = node.range![0];
  return text.slice(lineStart(text, start), start);
}

/** Applies `changes` to the YAML of a front matter block, touching only their lines. */
function editYaml(yaml: string, changes: readonly ValueChange[]): string {
  const doc = parseDocument(yaml, { version: '1.2', uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new EntryFileEditError('the front matter is not a YAML map');
  const root = doc.contents as YAMLMap;
  const blockPair = (name: string) => root.items.find((p) => keyOf(p) === name);
  const splices: Splice[] = [];
  const expected = doc.clone() as Document;

  // Changes grouped by block, so a language block left empty is removed as a whole.
  const byBlock = new Map<ContentLocale, { key: string; to: unknown }[]>();
  for (const change of changes) {
    const { block, key } = fileLocation(change.field, change.locale);
    const list = byBlock.get(block) ?? [];
    if (list.some((c) => c.key === key)) throw new EntryFileEditError(`${block}.${key} is changed twice`);
    list.push({ key, to: change.to });
    byBlock.set(block, list);
    if (change.to === undefined) expected.deleteIn([block, key]);
    else expected.setIn([block, key], expected.createNode(change.to));
  }

  for (const [block, list] of byBlock) {
    const found = blockPair(block);
    if (!found) {
      const set = list.filter((c) => c.to !== undefined);
      if (set.length === 0) continue;
      // A new language block, after the blocks of the locales that come before it.
      const later = root.items.find((p) => CONTENT_LOCALES.indexOf(keyOf(p) as ContentLocale) > CONTENT_LOCALES.indexOf(block));
      const at = later ? lineStart(yaml, (later.key as { range: [number, number, number] }).range[0]) : yaml.length;
      const order = keyOrder(block);
      const lines = set
        .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
        .map((c) => pairLines(c.key, c.to, '  '))
        .join('');
      splices.push({ start: at, end: at, text: `${block}:\n${lines}` });
      continue;
    }
    if (!isMap(found.value) || found.value.flow) throw new EntryFileEditError(`the "${block}" block is not a block map`);
    const map = found.value as YAMLMap;
    const pairs = map.items;
    if (pairs.length === 0) throw new EntryFileEditError(`the "${block}" block is empty`);
    const indent = indentOf(yaml, pairs[0]!.key as { range: [number, number, number] });
    const removed = list.filter((c) => c.to === undefined && pairs.some((p) => keyOf(p) === c.key));
    const kept = pairs.filter((p) => !list.some((c) => c.key === keyOf(p) && c.to === undefined));
    const added = list.filter((c) => c.to !== undefined && !pairs.some((p) => keyOf(p) === c.key));
    if (block !== DEFAULT_LOCALE && kept.length === 0 && added.length === 0 && removed.length > 0) {
      splices.push({ ...pairSpan(yaml, found), text: '' }); // the whole language block goes
      continue;
    }
    for (const change of list) {
      const pair = pairs.find((p) => keyOf(p) === change.key);
      if (pair) {
        splices.push({ ...pairSpan(yaml, pair), text: change.to === undefined ? '' : pairLines(change.key, change.to, indent) });
        continue;
      }
      if (change.to === undefined) continue; // removing what is not there: nothing to do
      // A new key goes after the last existing key that the encoder writes before it.
      const order = keyOrder(block);
      const rank = order.indexOf(change.key);
      const before = [...pairs].reverse().find((p) => {
        const r = order.indexOf(keyOf(p) ?? '');
        return r >= 0 && r < rank;
      });
      const at = before ? pairSpan(yaml, before).end : lineStart(yaml, (pairs[0]!.key as { range: [number, number, number] }).range[0]);
      splices.push({ start: at, end: at, text: pairLines(change.key, change.to, indent) });
    }
  }

  // Right to left, so earlier offsets stay valid; insertions at one offset keep their order.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = yaml;
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);

  const result = parseDocument(out, { version: '1.2', uniqueKeys: true });
  if (result.errors.length > 0 || canonical(result.toJS()) !== canonical(withoutEmptyBlocks(expected.toJS()))) {
    throw new EntryFileEditError('the edited file does not hold the expected values');
  }
  return out;
}

/** JSON with keys sorted: the splice puts a new key where the encoder would, `setIn` at the end. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** `deleteIn` leaves an emptied language block as `{}`; the splice removes it. */
function withoutEmptyBlocks(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([k, v]) => k === DEFAULT_LOCALE || !(typeof v === 'object' && v !== null && Object.keys(v).length === 0)),
  );
}

/**
 * The entry file `text` with `changes` made: the front matter's changed lines only; the opening
 * and closing lines and any Markdown body after them stay byte for byte.
 */
export function editEntryFile(text: string, changes: readonly ValueChange[]): string {
  const open = OPENING.exec(text);
  if (!open) throw new EntryFileEditError('the file does not start with a front matter block');
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) throw new EntryFileEditError('the front matter block is not closed');
  const yaml = rest.slice(0, close.index);
  return open[0] + editYaml(yaml, changes) + rest.slice(close.index);
}

/**
 * One import run: Connexions listing files → entry files under content/groups/, never
 * overwriting anything. Each listing is matched against the existing entries by normalised
 * name (`nameKey`, over names and alternate names) and merged into its match (merge-entry.ts),
 * or written as a new entry under a free slug. Every file written is first checked by the
 * content build's own validator, with the taxonomies, so an import cannot break the build.
 *
 * All I/O comes in through `io`, the date through `clock`, and a missing name through `askName`,
 * so that tests run it against temporary folders and the CLI only wires it up.
 */
import { entryFilePath } from '../../schema/collections.ts';
import { join } from 'node:path';
import { encodeEntryFile } from '../../content/entry-file.ts';
import type { RawContent } from '../../content/load-content.ts';
import { compactKey } from '../../text/normalise-text.ts';
import type { ContentLocale } from '../../schema/locales.ts';
import { formatProblem, validateContent } from '../../content/validate-content.ts';
import { entryFields, SLUG_MAX, type Entry } from '../../schema/entry.ts';
import { slugFromName } from './derive-text.ts';
import { decodeListingBytes } from './listing-text.ts';
import { createVocabulary, listingName, mapListing, newEntry, type ListingFacts, type Vocabulary } from './map-listing.ts';
import { mergeEntry, type Change } from './merge-entry.ts';
import { parseListing, splitListings } from './parse-listing.ts';
import type { FileReport, ImportReport } from './report.ts';

export interface ImportIo {
  /** The content folder as `loadContent` (src/content/load-content.ts) reads it. */
  loadContent(root: string): Promise<RawContent>;
  /** The inputs as given → listing files (a folder stands for its `.txt` files), or why an input is not one. */
  listListings(inputs: readonly string[]): Promise<{ file: string; problem?: string }[]>;
  readListing(file: string): Promise<Uint8Array>;
  /** Writes a file that must not exist yet. */
  createFile(path: string, text: string): Promise<void>;
  /** Replaces a file, failing if it no longer holds `expected` (an edit since the run read it). */
  replaceFile(path: string, text: string, expected: string): Promise<void>;
}

export interface ImportOptions {
  /** The project folder that holds `content/`. */
  root: string;
  inputs: readonly string[];
  dryRun: boolean;
  clock: () => Date;
  io: ImportIo;
  /** Asked for a name when a listing has none and its purpose states none; may answer nothing. */
  askName?: (file: string) => Promise<string | undefined>;
  /** The group's name for a run of one listing that has none (`--name`): no need to ask. */
  givenName?: string;
  /** The language the listings' text is in (`--lang`), when an editor knows better than identification. */
  textLocale?: ContentLocale;
}

type NameField = 'name' | 'short_name' | 'alternate_names';

interface KnownEntry {
  path: string;
  text: string;
  entry: Entry;
}

/** The run's view of content/groups, kept up to date as it writes (or, in a dry run, would write). */
class GroupIndex {
  private readonly bySlug = new Map<string, KnownEntry>();
  /** Every name, short name and other name, compared as the join's duplicate check compares them. */
  private readonly byName = new Map<string, { known: KnownEntry; field: NameField }>();

  add(known: KnownEntry): void {
    this.bySlug.set(known.entry.slug, known);
    const named: [NameField, string][] = [
      ['name', known.entry.name],
      ...(known.entry.short_name ? [['short_name', known.entry.short_name] as [NameField, string]] : []),
      ...(known.entry.alternate_names ?? []).map((n) => ['alternate_names', n] as [NameField, string]),
    ];
    for (const [field, name] of named) {
      const key = compactKey(name);
      if (key.length >= 2 && !this.byName.has(key)) this.byName.set(key, { known, field });
    }
  }

  findByName(names: readonly string[]): { known: KnownEntry; field: NameField; name: string } | undefined {
    for (const name of names) {
      const hit = this.byName.get(compactKey(name));
      if (hit) return { ...hit, name };
    }
    return undefined;
  }

  /** `base`, or `base-2`, `base-3`… when a group with another name holds it. */
  freeSlug(base: string): { slug: string; holder?: KnownEntry } {
    const holder = this.bySlug.get(base);
    if (!holder) return { slug: base };
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const slug = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!this.bySlug.has(slug)) return { slug, holder };
    }
  }
}

/** The calendar date of the clock where the editor is, as the schema writes dates. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function entryPath(slug: string): string {
  return entryFilePath(slug);
}

/** The build's own check of one entry file, with the taxonomies: file → field: message. */
function checkEntryFile(path: string, text: string, taxonomies: RawContent['taxonomies']): string[] {
  const result = validateContent({ groups: [{ path, text }], taxonomies });
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** A new entry's fields, in the schema's order, with translated texts per language. */
function entryChanges(entry: Entry): Change[] {
  return (Object.keys(entryFields) as (keyof Entry)[]).flatMap((field): Change[] => {
    const value = entry[field];
    if (value === undefined) return [];
    if (field === 'summary' || field === 'purpose') {
      return Object.entries(value as Record<string, string>).map(([locale, text]) => ({ field: `${field}.${locale}`, value: text }));
    }
    return [{ field, value }];
  });
}

interface RunContext {
  options: ImportOptions;
  /** The taxonomy files as read, for checking each entry file the way the build does. */
  taxonomyFiles: RawContent['taxonomies'];
  groups: GroupIndex;
  vocabulary: Vocabulary;
  today: string;
}

export async function importListings(options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun, files: [], problems: [] };
  const raw = await options.io.loadContent(options.root);
  const valid = validateContent(raw);
  if (!valid.ok) {
    report.problems.push('the content folder does not pass the build (npm run build:content); nothing was imported. Fix these first:');
    report.problems.push(...valid.problems.map(formatProblem));
    return report;
  }
  const texts = new Map(raw.groups.map((g) => [g.path, g.text]));
  const groups = new GroupIndex();
  for (const entry of valid.content.entries) {
    const path = entryPath(entry.slug); // the build checked that every slug matches its file name
    groups.add({ path, text: texts.get(path)!, entry });
  }
  const context: RunContext = {
    options,
    taxonomyFiles: raw.taxonomies,
    groups,
    vocabulary: createVocabulary(valid.content.taxonomies),
    today: localDate(options.clock()),
  };
  const listings = await options.io.listListings(options.inputs);
  if (options.givenName !== undefined && listings.length !== 1) {
    report.problems.push(`a name (--name) is for one listing; ${listings.length} files were given`);
    return report;
  }
  for (const { file, problem } of listings) {
    const base: FileReport = { file, outcome: 'skipped', changes: [], conflicts: [], dropped: [], notes: [], problems: [] };
    if (problem) report.files.push({ ...base, problems: [problem] });
    else report.files.push(...(await importFile(context, base)));
  }
  return report;
}

async function importFile(context: RunContext, report: FileReport): Promise<FileReport[]> {
  const { options } = context;
  let bytes: Uint8Array;
  try {
    bytes = await options.io.readListing(report.file);
  } catch (error) {
    return [{ ...report, problems: [`could not be read: ${(error as Error).message}`] }];
  }
  const { text, encoding } = decodeListingBytes(bytes);
  const { texts, notes } = splitListings(text);
  if (options.givenName !== undefined && texts.length > 1) {
    return [{ ...report, outcome: 'incomplete', notes, problems: [`a name (--name) is for one listing; this file holds ${texts.length}`] }];
  }
  const reports: FileReport[] = [];
  for (const [k, listingText] of texts.entries()) {
    const one: FileReport = {
      ...report,
      ...(texts.length > 1 ? { listing: k + 1 } : {}),
      changes: [],
      conflicts: [],
      dropped: [],
      notes: k === 0 ? [...notes] : [],
      problems: [],
    };
    if (encoding !== 'utf-8') one.notes.push(`read as ${encoding}: the file is not valid UTF-8`);
    reports.push(await importListing(context, one, listingText));
  }
  return reports;
}

async function importListing(context: RunContext, report: FileReport, text: string): Promise<FileReport> {
  const { options, vocabulary } = context;
  const listing = parseListing(text);
  let givenName = options.givenName;
  if (!givenName && !listingName(listing) && listing.problems.length === 0 && options.askName) givenName = await options.askName(report.file);
  const mapped = mapListing(listing, vocabulary, { ...(givenName ? { givenName } : {}), ...(options.textLocale ? { textLocale: options.textLocale } : {}) });
  report.decisions = mapped.decisions;
  report.dropped.push(...mapped.dropped);
  report.notes.push(...mapped.notes);
  if (!mapped.facts) return { ...report, outcome: 'incomplete', problems: mapped.missing };

  const match = context.groups.findByName([mapped.facts.name, ...(listing.nameAsWritten ? [listing.nameAsWritten] : [])]);
  if (!match) return create(context, report, mapped.facts);
  const via = match.field === 'name' ? 'its name' : match.field === 'short_name' ? 'its short name' : 'one of its other names';
  report.notes.push(`matched the existing entry "${match.known.entry.name}" by ${via} ("${match.name}")`);
  report.decisions.match = { target: match.known.path, via: match.field, name: match.name };
  return mergeInto(context, report, match.known, mapped.facts, mapped.cutOff === true);
}

async function mergeInto(context: RunContext, report: FileReport, known: KnownEntry, facts: ListingFacts, cutOff: boolean): Promise<FileReport> {
  const merged = mergeEntry(known.entry, facts, context.today, { cutOff });
  const done: FileReport = { ...report, target: known.path, changes: merged.filled, conflicts: merged.conflicts, notes: [...report.notes, ...merged.notes] };
  if (merged.filled.length === 0) return { ...done, outcome: 'unchanged' };
  const text = encodeEntryFile(merged.entry);
  const problems = checkEntryFile(known.path, text, context.taxonomyFiles);
  if (problems.length > 0)
    return { ...done, outcome: 'incomplete', problems: ['the merged entry would not pass the build, so it was not written:', ...problems] };
  if (!context.options.dryRun) {
    try {
      await context.options.io.replaceFile(join(context.options.root, known.path), text, known.text);
    } catch (error) {
      return { ...done, outcome: 'skipped', problems: [`${known.path} was not written: ${(error as Error).message}`] };
    }
  }
  context.groups.add({ ...known, text, entry: merged.entry });
  return { ...done, outcome: 'merged' };
}

async function create(context: RunContext, report: FileReport, facts: ListingFacts): Promise<FileReport> {
  const base = slugFromName(facts.name);
  if (base === '') {
    return {
      ...report,
      outcome: 'incomplete',
      problems: [`no file name can be made from "${facts.name}": the slug needs Latin letters or digits; put a transliterated name on the name line`],
    };
  }
  const { slug, holder } = context.groups.freeSlug(base);
  if (holder) report.notes.push(`slug "${base}" belongs to "${holder.entry.name}" (${holder.path}), a group with another name: using "${slug}"`);
  const entry = newEntry(facts, slug, context.today);
  const path = entryPath(slug);
  const text = encodeEntryFile(entry);
  const done: FileReport = { ...report, target: path, changes: entryChanges(entry) };
  const problems = checkEntryFile(path, text, context.taxonomyFiles);
  if (problems.length > 0) return { ...done, outcome: 'incomplete', problems: ['the entry would not pass the build, so it was not written:', ...problems] };
  if (!context.options.dryRun) {
    try {
      await context.options.io.createFile(join(context.options.root, path), text);
    } catch (error) {
      return { ...done, outcome: 'skipped', problems: [`${path} was not written: ${(error as Error).message}`] };
    }
  }
  context.groups.add({ path, text, entry });
  return { ...done, outcome: 'imported' };
}

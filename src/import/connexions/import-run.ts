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
import { nameKey } from '../../text/normalise-text.ts';
import { formatProblem, validateContent } from '../../content/validate-content.ts';
import { entryFields, SLUG_MAX, type Entry } from '../../schema/entry.ts';
import { slugFromName } from './derive-text.ts';
import { decodeListingBytes } from './listing-text.ts';
import { createVocabulary, listingName, mapListing, newEntry, type ListingFacts, type Vocabulary } from './map-listing.ts';
import { mergeEntry, type Change } from './merge-entry.ts';
import { parseListing } from './parse-listing.ts';
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
}

interface KnownEntry {
  path: string;
  text: string;
  entry: Entry;
}

/** The run's view of content/groups, kept up to date as it writes (or, in a dry run, would write). */
class GroupIndex {
  private readonly bySlug = new Map<string, KnownEntry>();
  private readonly byName = new Map<string, KnownEntry>();

  add(known: KnownEntry): void {
    this.bySlug.set(known.entry.slug, known);
    for (const name of [known.entry.name, ...(known.entry.alternate_names ?? [])]) {
      const key = nameKey(name);
      if (!this.byName.has(key)) this.byName.set(key, known);
    }
  }

  findByName(names: readonly string[]): KnownEntry | undefined {
    for (const name of names) {
      const known = this.byName.get(nameKey(name));
      if (known) return known;
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
  for (const { file, problem } of await options.io.listListings(options.inputs)) {
    const base: FileReport = { file, outcome: 'skipped', changes: [], conflicts: [], dropped: [], notes: [], problems: [] };
    if (problem) report.files.push({ ...base, problems: [problem] });
    else report.files.push(await importFile(context, base));
  }
  return report;
}

async function importFile(context: RunContext, report: FileReport): Promise<FileReport> {
  const { options, vocabulary } = context;
  let bytes: Uint8Array;
  try {
    bytes = await options.io.readListing(report.file);
  } catch (error) {
    return { ...report, problems: [`could not be read: ${(error as Error).message}`] };
  }
  const { text, encoding } = decodeListingBytes(bytes);
  const listing = parseListing(text);
  if (encoding !== 'utf-8') report.notes.push(`read as ${encoding}: the file is not valid UTF-8`);

  let givenName: string | undefined;
  if (!listingName(listing) && listing.problems.length === 0 && options.askName) givenName = await options.askName(report.file);
  const mapped = mapListing(listing, vocabulary, givenName);
  report.dropped.push(...mapped.dropped);
  report.notes.push(...mapped.notes);
  if (!mapped.facts) return { ...report, outcome: 'incomplete', problems: mapped.missing };

  const match = context.groups.findByName([mapped.facts.name, ...(listing.nameAsWritten ? [listing.nameAsWritten] : [])]);
  return match ? mergeInto(context, report, match, mapped.facts) : create(context, report, mapped.facts);
}

async function mergeInto(context: RunContext, report: FileReport, known: KnownEntry, facts: ListingFacts): Promise<FileReport> {
  const merged = mergeEntry(known.entry, facts, context.today);
  const done: FileReport = { ...report, target: known.path, changes: merged.filled, conflicts: merged.conflicts };
  if (merged.filled.length === 0) return { ...done, outcome: 'unchanged' };
  const text = encodeEntryFile(merged.entry);
  const problems = checkEntryFile(known.path, text, context.taxonomyFiles);
  if (problems.length > 0) return { ...done, outcome: 'incomplete', problems: ['the merged entry would not pass the build, so it was not written:', ...problems] };
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
    return { ...report, outcome: 'incomplete', problems: [`no file name can be made from "${facts.name}": the slug needs Latin letters or digits; put a transliterated name on the name line`] };
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

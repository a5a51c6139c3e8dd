/**
 * A parsed listing → the facts it gives for an entry, in the schema's terms, plus every value
 * that could not be kept and why. No I/O and no decisions about existing entries: the facts
 * are either a new entry's fields (`newEntry`) or what a merge may fill in (merge-entry.ts).
 */
import { foundedSchema, GEOGRAPHIC_SCOPES, httpUrlSchema, PURPOSE_MAX, type Entry, type GeographicScope, type Structure } from '../../schema/entry.ts';
import { enumLabelsInEveryLanguage } from '../../i18n/labels.ts';
import { DEFAULT_LOCALE, type ContentLocale } from '../../schema/locales.ts';
import type { TaxonomyName, TaxonomyTerm } from '../../schema/taxonomy.ts';
import { isHeadless, looksCutOff, nameFromSentence, restoreSubject, sentences, summaryFrom } from './derive-text.ts';
import { detectLanguage, type DetectedLanguage } from './detect-language.ts';
import { createEnumMatcher, createHeadingMatcher, createLanguageMatcher, readHeadings, type TermMatch } from './match-terms.ts';
import type { Dropped, ParsedListing } from './parse-listing.ts';
import { leadParagraph, purposeMarkdown } from './purpose-text.ts';

export const CONNEXIONS_SOURCE = 'Connexions Directory of Groups & Websites';

export interface Vocabulary {
  heading(heading: string): TermMatch | undefined;
  scope(value: string): { keys: GeographicScope[]; exact: boolean };
  structure(value: string): { keys: Structure[]; exact: boolean };
  language(name: string): string | undefined;
}

export function createVocabulary(taxonomies: Record<TaxonomyName, TaxonomyTerm[]>): Vocabulary {
  return {
    heading: createHeadingMatcher(taxonomies),
    scope: createEnumMatcher(enumLabelsInEveryLanguage('scope')),
    structure: createEnumMatcher(enumLabelsInEveryLanguage('structure')),
    language: createLanguageMatcher(),
  };
}

/** What a listing states. `network_relation`, the slug and the dates are not among them. */
export type ListingFacts = Pick<Entry, 'name' | 'summary'> &
  Partial<Pick<Entry, 'purpose' | 'geographic_scope' | 'subjects' | 'sectors' | 'languages' | 'structure' | 'website' | 'founded' | 'sources'>>;

export interface ListingDecisions {
  layout?: ParsedListing['purposeLayout'];
  paragraphs?: number;
  listItems?: number;
  /** The language the text was filed under, what identification found, and what the editor gave. */
  language?: { locale: ContentLocale; detected?: DetectedLanguage; given?: ContentLocale };
  headless?: 'restored' | 'unrestored';
  cutOff?: boolean;
}

export interface MappedListing {
  /** Undefined when the listing cannot become a valid entry; `missing` says why. */
  facts?: ListingFacts;
  missing: string[];
  dropped: Dropped[];
  notes: string[];
  /** What the import decided, for the fidelity report. */
  decisions: ListingDecisions;
  /** The purpose ends short: a complete text from another listing may replace it. */
  cutOff?: boolean;
}

/**
 * The listing's name: its name line, else a name its purpose's first sentence states
 * ("The Picket Line Collective is…"), else undefined (the caller may ask for one).
 */
export function listingName(listing: ParsedListing): { name: string; derived: boolean } | undefined {
  if (listing.name) return { name: listing.name, derived: false };
  const lead = listing.purpose.find((b) => b.kind === 'paragraph');
  const name = lead ? nameFromSentence(sentences(lead.text)[0] ?? '') : undefined;
  return name ? { name, derived: true } : undefined;
}

export interface MapOptions {
  /** The group's name, when the listing has none (asked for, or given on the command line). */
  givenName?: string;
  /** The language the text is in, when the editor says so: wins over identification. */
  textLocale?: ContentLocale;
}

export function mapListing(listing: ParsedListing, vocabulary: Vocabulary, options: MapOptions = {}): MappedListing {
  const givenName = options.givenName;
  const dropped = [...listing.dropped];
  const notes = [...listing.notes];
  const missing = [...listing.problems];

  const found = listingName(listing);
  const name = found?.name ?? givenName?.trim();
  if (found?.derived) notes.push(`no name line: took "${found.name}" from the purpose's first sentence; check it`);
  else if (!found && name) notes.push(`no name line: used the name given at the prompt, "${name}"`);
  else if (!name) missing.push("no name line, and the purpose's first sentence does not state one: add the group's name as the first line of the file");

  const languages = mapLanguages(listing.languages, vocabulary, dropped);
  const decisions: ListingDecisions = {};
  if (listing.purposeLayout) decisions.layout = listing.purposeLayout;

  // The elided subject is put back before anything is derived from the text.
  let blocks = listing.purpose;
  const leadIndex = blocks.findIndex((b) => b.kind === 'paragraph');
  const leadBlock = blocks[leadIndex];
  if (leadBlock?.kind === 'paragraph' && isHeadless(leadBlock.text)) {
    if (name) {
      blocks = blocks.map((b, i) => (i === leadIndex ? { kind: 'paragraph', text: restoreSubject(leadBlock.text, name) } : b));
      notes.push(`the purpose starts mid-sentence ("${leadBlock.text.slice(0, 30)}…"): put the group's name in front of it; check it`);
      decisions.headless = 'restored';
    } else {
      missing.push("the purpose starts mid-sentence (the listing elided the group's name) and no name is known to put in front of it");
      decisions.headless = 'unrestored';
    }
  }
  const lastBlock = blocks.at(-1);
  if (looksCutOff(lastBlock?.kind === 'paragraph' ? lastBlock.text : undefined)) {
    const tail = (lastBlock as { text: string }).text.slice(-30);
    notes.push(`the purpose seems cut off ("…${tail}" ends with no closing punctuation): a complete text imported later replaces it`);
    decisions.cutOff = true;
  }

  const text = blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text])).join('\n');
  const detected = detectLanguage(text);
  const textLocale = text === '' ? DEFAULT_LOCALE : textLanguage(detected, languages, options.textLocale, notes);
  if (text !== '') decisions.language = { locale: textLocale, ...(detected ? { detected } : {}), ...(options.textLocale ? { given: options.textLocale } : {}) };

  const facts: Partial<ListingFacts> = {};
  const markdown = purposeMarkdown(blocks);
  if (markdown.length > PURPOSE_MAX) missing.push(`the purpose is ${markdown.length} characters long; the entry allows ${PURPOSE_MAX}`);
  else if (markdown !== '') facts.purpose = { [textLocale]: markdown };
  let lead = leadParagraph(blocks);
  // a cut-off lead paragraph gives its complete sentences only
  if (lead && decisions.cutOff && lead === (lastBlock as { text?: string } | undefined)?.text) {
    const whole = sentences(lead).slice(0, -1).join(' ');
    if (whole !== '') lead = whole;
  }
  if (lead) {
    const { summary, how } = summaryFrom(lead);
    facts.summary = { [textLocale]: summary };
    notes.push(`summary derived from ${how}`);
  } else if (blocks.length > 0) {
    missing.push('the purpose has no paragraph of prose to derive the required summary from');
  }
  decisions.paragraphs = blocks.filter((b) => b.kind === 'paragraph').length;
  decisions.listItems = blocks.reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0);

  const scope = mapScope(listing.geographicScope, vocabulary, dropped, notes);
  if (scope) facts.geographic_scope = scope;
  const structure = mapStructure(listing.structure, vocabulary, dropped, notes);
  if (structure) facts.structure = structure;
  if (languages.length > 0) facts.languages = languages;
  Object.assign(facts, mapHeadings(listing.subjectHeadings, vocabulary, dropped, notes));
  const website = mapWebsite(listing.website, dropped, notes);
  if (website) facts.website = website;
  const founded = mapFounded(listing.founded, dropped);
  if (founded) facts.founded = founded;

  facts.sources = [{ title: listing.edition?.title ?? CONNEXIONS_SOURCE }];
  if (!listing.edition) notes.push(`no edition line: the source is recorded as "${CONNEXIONS_SOURCE}" without a year`);

  if (missing.length > 0 || !name || !facts.summary) return { missing, dropped, notes, decisions };
  return { facts: { ...facts, name, summary: facts.summary }, missing, dropped, notes, decisions, ...(decisions.cutOff ? { cutOff: true } : {}) };
}

/** A new entry from the facts: imported listings state no relation to the network. */
export function newEntry(facts: ListingFacts, slug: string, today: string): Entry {
  return { slug, ...facts, network_relation: 'none', created: today, updated: today };
}

function mapLanguages(values: string[], vocabulary: Vocabulary, dropped: Dropped[]): string[] {
  const codes: string[] = [];
  for (const name of values
    .flatMap((v) => v.split(/[,;/&]|\s+(?:and|et|y|e|und)\s+/i))
    .map((n) => n.trim())
    .filter((n) => n !== '')) {
    const code = vocabulary.language(name);
    if (!code) dropped.push({ value: `Languages: ${name}`, reason: 'not a language name or ISO 639-1 code' });
    else if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * The language the listing's text is written in: what the editor says, else what identification
 * finds with confidence, else its best guess (or English, Connexions's own language) reported for
 * an editor to check. The *Languages:* line is what the group works in, not what the text is in.
 */
function textLanguage(detected: DetectedLanguage | undefined, languages: string[], given: ContentLocale | undefined, notes: string[]): ContentLocale {
  if (given) {
    notes.push(`summary and purpose filed as "${given}", as given`);
    return given;
  }
  if (detected?.confident) {
    notes.push(`text identified as "${detected.locale}" (confidence ${detected.confidence})`);
    return detected.locale;
  }
  const guess = detected?.locale ?? DEFAULT_LOCALE;
  const why = detected
    ? `identification is unsure (confidence ${detected.confidence}${detected.runnerUp ? `, next "${detected.runnerUp}"` : ''})`
    : 'the text is too short to identify';
  const hint = languages.length > 0 ? `; the group works in ${languages.join(', ')}` : '';
  notes.push(`check the language: text filed as "${guess}", but ${why}${hint}; import again with --lang to choose`);
  return guess;
}

function mapScope(values: string[], vocabulary: Vocabulary, dropped: Dropped[], notes: string[]): GeographicScope | undefined {
  const keys = new Set<GeographicScope>();
  for (const value of values) {
    const m = vocabulary.scope(value);
    if (m.keys.length === 0) dropped.push({ value: `Geographic Scope: ${value}`, reason: `not one of ${GEOGRAPHIC_SCOPES.join(', ')}` });
    m.keys.forEach((k) => keys.add(k));
  }
  const widest = GEOGRAPHIC_SCOPES.find((s) => keys.has(s));
  if (keys.size > 1) notes.push(`Geographic Scope names ${[...keys].join(' and ')}: kept the widest, ${widest}`);
  return widest;
}

function mapStructure(values: string[], vocabulary: Vocabulary, dropped: Dropped[], notes: string[]): Structure | undefined {
  const matches = values.map((value) => ({ value, ...vocabulary.structure(value) }));
  const keys = [...new Set(matches.flatMap((m) => m.keys))];
  if (keys.length === 1) {
    for (const m of matches) if (m.keys.length === 0) dropped.push({ value: `Structure: ${m.value}`, reason: `a second structure; kept ${keys[0]}` });
    const loose = matches.find((m) => m.keys.length > 0 && !m.exact);
    if (loose) notes.push(`read Structure "${loose.value}" as ${keys[0]}`);
    return keys[0];
  }
  const reason = keys.length === 0 ? 'not one of the structures of this directory' : `names several structures (${keys.join(', ')}); pick one by hand`;
  for (const m of matches) dropped.push({ value: `Structure: ${m.value}`, reason });
  return undefined;
}

function mapHeadings(values: string[], vocabulary: Vocabulary, dropped: Dropped[], notes: string[]): Partial<Pick<Entry, 'subjects' | 'sectors'>> {
  const { found, unknown } = readHeadings(values, (h) => vocabulary.heading(h));
  const out: Partial<Record<TaxonomyName, string[]>> = {};
  for (const m of found) {
    const list = (out[m.taxonomy] ??= []);
    if (!list.includes(m.slug)) list.push(m.slug);
    if (m.taxonomy === 'sectors') notes.push(`subject heading "${m.heading}" read as the sector ${m.slug}`);
    if (m.others.length > 0)
      notes.push(
        `subject heading "${m.heading}" is a Connexions issue area of several ${m.taxonomy}: took ${m.slug}, the first in order (also: ${m.others.join(', ')})`,
      );
  }
  for (const heading of unknown) {
    dropped.push({
      value: `Subject Headings: ${heading}`,
      reason: 'matches no subject heading or sector of this directory (labels in any language, or the Connexions issue areas in their descriptions)',
    });
  }
  return out;
}

function mapWebsite(values: string[], dropped: Dropped[], notes: string[]): string | undefined {
  const [first, ...rest] = values;
  for (const v of rest) dropped.push({ value: `Website: ${v}`, reason: 'an entry has one website' });
  if (first === undefined) return undefined;
  // old listings often write "www.example.org"; http is the scheme every such site answered on
  const url = /^https?:\/\//i.test(first) ? first : `http://${first}`;
  if (!httpUrlSchema.safeParse(url).success) {
    dropped.push({ value: `Website: ${first}`, reason: 'not a web address' });
    return undefined;
  }
  if (url !== first) notes.push(`website "${first}" written as ${url}`);
  return url;
}

function mapFounded(values: string[], dropped: Dropped[]): number | undefined {
  const [first, ...rest] = values;
  for (const v of rest) dropped.push({ value: `Founded: ${v}`, reason: 'a second year of founding' });
  if (first === undefined) return undefined;
  const year = foundedSchema.safeParse(Number(/\b\d{4}\b/.exec(first)?.[0]));
  if (year.success) return year.data;
  dropped.push({ value: `Founded: ${first}`, reason: 'no year between 1800 and 2100 in it' });
  return undefined;
}

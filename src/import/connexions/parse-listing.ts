/**
 * The text of one Connexions listing → its parts, as written, with nothing mapped yet.
 *
 *   International Labour Network of Solidarity and Struggle     ← name line (may be missing or "Commune, The")
 *   Connexions Directory of Groups & Websites 2018              ← edition line (may be missing)
 *   Purpose: Intended for all trade union organisations…        ← several paragraphs, `*` lists
 *   Geographic Scope: International
 *   Languages: / Structure: / Subject Headings:
 *   Experts on similar topics in the Sources Directory:         ← page boilerplate, dropped
 *   Support Connexions and help save the world                  ← page boilerplate, dropped
 *
 * The fields are those of docs/connexions-listing-fields.md: the online headings,
 * and the printed directory's address, telephone, contact people, year of founding, resources
 * and activities, so that none of them can run on into the purpose unnoticed.
 * Everything that is not kept is returned in `dropped` with the reason.
 */
import { NAME_MAX } from '../../schema/entry.ts';
import { repairApostrophes } from './listing-text.ts';
import { readPurpose, type PurposeBlock } from './purpose-text.ts';

export interface Dropped {
  /** What was dropped, as the listing has it (contact details are not repeated). */
  value: string;
  reason: string;
}

/** The headings a listing may have, each with the spellings it is known under. */
const HEADINGS = {
  purpose: ['purpose', 'purposes', 'purpose and goals', 'statement of purpose'],
  geographicScope: ['geographic scope', 'geographical scope'],
  languages: ['languages', 'language'],
  structure: ['structure'],
  subjectHeadings: ['subject headings', 'subject heading', 'subjects'],
  website: ['website', 'web site', 'web', 'url', 'internet'],
  founded: ['year founded', 'year of founding', 'founded', 'established'],
  contact: [
    'address',
    'mailing address',
    'telephone',
    'phone',
    'tel',
    'fax',
    'email',
    'e-mail',
    'contact',
    'contacts',
    'contact person',
    'contact people',
    'contact persons',
  ],
  other: ['resources', 'resources produced', 'activities', 'activities and services', 'services provided'],
} as const;
type Heading = keyof typeof HEADINGS;

const HEADING_LINE = new RegExp(
  `^(${Object.values(HEADINGS)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(/[-\s]/g, '[-\\s]*'))
    .join('|')})\\s*:\\s*(.*)$`,
  'i',
);
const HEADING_BY_NAME = new Map<string, Heading>(
  Object.entries(HEADINGS).flatMap(([heading, names]) => names.map((n) => [n.replace(/[-\s]/g, ''), heading as Heading])),
);

const EDITION_LINE = /^Connexions\s+Directory\s+of\s+Groups\s*(?:&|and)\s*Websites(?:\s+(\d{4}))?\.?$/i;
/** Page furniture of connexions.org: the line and whatever follows it up to the next heading. */
const BOILERPLATE = [/^Experts on similar topics\b/i, /^Support Connexions\b/i];

/** Articles that library-style names move to the end: "Commune, The" → "The Commune". */
const TRAILING_ARTICLE = /^(.+?),\s*(The|A|An|La|Le|Les|L['’]|El|Los|Las|Il|Lo|Gli|Die|Der|Das|Os|As)$/u;

export interface ParsedListing {
  /** The name, turned the right way round; undefined when the listing has no name line. */
  name?: string;
  /** The name line as written, when it differs from `name`. */
  nameAsWritten?: string;
  edition?: { title: string; year?: number };
  purpose: PurposeBlock[];
  /** The values under each short heading, one per non-empty line. */
  geographicScope: string[];
  languages: string[];
  structure: string[];
  subjectHeadings: string[];
  website: string[];
  founded: string[];
  dropped: Dropped[];
  notes: string[];
  /** Reasons the text cannot be read as one listing at all. */
  problems: string[];
  /** How the purpose's lines were read (for the fidelity report). */
  purposeLayout?: { wrapWidth: number | undefined; paragraphBreaks: number; unbulletedItems: number; rejoinedBreaks: number };
}

interface Section {
  heading: Heading | 'boilerplate';
  /** The heading as written, e.g. "Geographic Scope". */
  label: string;
  lines: string[];
  /** Columns the heading took on its own line, before its first value. */
  indent: number;
}

function isNameLike(line: string): boolean {
  if (line.length > NAME_MAX || /[,;:]$/.test(line)) return false;
  return !(/[.!?]$/.test(line) && line.split(/\s+/).length > 8); // a sentence, not a name
}

export function unInvertName(name: string): string {
  const m = TRAILING_ARTICLE.exec(name);
  if (!m) return name;
  const article = m[2]!;
  return /['’]$/.test(article) ? `${article}${m[1]}` : `${article} ${m[1]}`;
}

export function parseListing(source: string): ParsedListing {
  const { text, repaired } = repairApostrophes(source);
  const listing: ParsedListing = {
    purpose: [],
    geographicScope: [],
    languages: [],
    structure: [],
    subjectHeadings: [],
    website: [],
    founded: [],
    dropped: [],
    notes: [],
    problems: [],
  };
  if (repaired > 0) listing.notes.push(`repaired ${repaired} "#" written where an apostrophe belongs (workers# → workers')`);

  const preamble: string[] = [];
  const sections: Section[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const edition = EDITION_LINE.exec(line);
    if (edition) {
      const year = edition[1];
      if (listing.edition) listing.dropped.push({ value: line, reason: 'a second edition line' });
      else if (year) listing.edition = { title: `Connexions Directory of Groups & Websites ${year}`, year: Number(year) };
      else listing.edition = { title: 'Connexions Directory of Groups & Websites' };
      continue;
    }
    if (BOILERPLATE.some((re) => re.test(line))) {
      sections.push({ heading: 'boilerplate', label: line, lines: [], indent: 0 });
      continue;
    }
    // headings are capitalised; a wrapped line of prose that happens to start "language: …" is not one
    const heading = /^\p{Lu}/u.test(line) ? HEADING_LINE.exec(line) : null;
    if (heading) {
      const key = HEADING_BY_NAME.get(heading[1]!.toLowerCase().replace(/[-\s]/g, ''))!;
      sections.push({ heading: key, label: heading[1]!, lines: [heading[2]!], indent: line.length - heading[2]!.length });
      continue;
    }
    if (sections.length === 0) preamble.push(line);
    else sections.at(-1)!.lines.push(line);
  }

  readPreamble(preamble, listing);
  for (const section of sections) readSection(section, listing);
  if (listing.purpose.length === 0) {
    listing.problems.push('no "Purpose:" text: the summary and purpose come from it');
  }
  return listing;
}

function readPreamble(lines: string[], listing: ParsedListing): void {
  const nonEmpty = lines.filter((l) => l !== '');
  const [first, ...rest] = nonEmpty;
  if (first !== undefined) {
    const clean = first.replace(/\s+/g, ' ');
    if (isNameLike(clean)) {
      listing.name = unInvertName(clean);
      if (listing.name !== clean) {
        listing.nameAsWritten = clean;
        listing.notes.push(`name written library-style "${clean}": turned into "${listing.name}"`);
      }
    } else {
      listing.dropped.push({ value: clean, reason: 'text before the first heading that reads as a sentence, not a name line' });
    }
  }
  for (const line of rest) listing.dropped.push({ value: line, reason: 'a line between the name and the first heading that matches no field' });
}

function readSection(section: Section, listing: ParsedListing): void {
  const values = section.lines.map((l) => l.trim()).filter((l) => l !== '');
  switch (section.heading) {
    case 'boilerplate':
      listing.dropped.push({ value: section.label, reason: 'connexions.org page boilerplate, not part of the listing' });
      for (const v of values) listing.dropped.push({ value: v, reason: `listed under "${section.label}": page boilerplate, not part of the listing` });
      return;
    case 'contact':
      // personal contact details must not reach Git or a log: say what was dropped, not what it said
      if (values.length > 0)
        listing.dropped.push({
          value: `${section.label}: (${values.length} line${values.length > 1 ? 's' : ''}, not shown)`,
          reason: 'contact details are not imported; add a public email or address by hand if the group publishes one',
        });
      return;
    case 'other':
      for (const v of values)
        listing.dropped.push({ value: `${section.label}: ${v}`, reason: 'the entry has no field for it; copy it into the purpose by hand if it matters' });
      return;
    case 'purpose': {
      if (listing.purpose.length > 0) {
        listing.problems.push('a second "Purpose:" heading: the file seems to hold more than one listing; put each listing in its own file');
        return;
      }
      const purpose = readPurpose(section.lines, section.indent);
      listing.purpose = purpose.blocks;
      listing.purposeLayout = {
        wrapWidth: purpose.wrapWidth,
        paragraphBreaks: purpose.paragraphBreaks,
        unbulletedItems: purpose.unbulletedItems,
        rejoinedBreaks: purpose.rejoinedBreaks,
      };
      const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
      if (purpose.rejoinedBreaks > 0) listing.notes.push(`rejoined ${plural(purpose.rejoinedBreaks, 'line break')} inside purpose paragraphs`);
      if (purpose.paragraphBreaks > 0) {
        const how = purpose.wrapWidth ? `the listing wraps at ${purpose.wrapWidth} columns` : 'the listing does not wrap its lines';
        listing.notes.push(`read ${plural(purpose.paragraphBreaks, 'line break')} as paragraph ends (a sentence ends short of the line, ${how})`);
      }
      if (purpose.unbulletedItems > 0) listing.notes.push(`kept ${plural(purpose.unbulletedItems, 'line')} ending in ":" or ";" under a list as list items`);
      return;
    }
    default:
      if (values.length === 0) {
        listing.notes.push(`empty heading "${section.label}:" ignored`);
        return;
      }
      listing[section.heading].push(...values);
  }
}

/**
 * A file that holds several listings → one text per listing. A listing starts at a name line
 * followed by an edition line (blank lines between allowed), or, where a second "Purpose:"
 * heading comes with no name line before it, at that heading (its name is then unknown and the
 * listing is reported incomplete unless its purpose states it). `notes` says where it split and
 * anything it could not split.
 */
export function splitListings(source: string): { texts: string[]; notes: string[] } {
  const lines = source.split('\n');
  const starts: number[] = [0];
  const notes: string[] = [];
  let sawPurpose = false;
  let sawHeading = false;
  const headingKey = (line: string) => {
    const m = /^\p{Lu}/u.test(line) ? HEADING_LINE.exec(line) : null;
    return m ? HEADING_BY_NAME.get(m[1]!.toLowerCase().replace(/[-\s]/g, '')) : undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (EDITION_LINE.test(line) && sawHeading) {
      let j = i - 1;
      while (j > starts.at(-1)! && lines[j]!.trim() === '') j--;
      const candidate = lines[j]!.trim();
      const start = j > starts.at(-1)! && isNameLike(candidate) && headingKey(candidate) === undefined ? j : i;
      starts.push(start);
      notes.push(`a new listing starts at line ${start + 1} (${start === j ? 'a name line and an edition line' : 'an edition line'})`);
      sawPurpose = false;
      sawHeading = false;
      continue;
    }
    const key = headingKey(line);
    if (key === undefined) continue;
    if (key === 'purpose' && sawPurpose) {
      // a name line of its own (a blank line before it) just above the heading starts the listing
      let j = i - 1;
      while (j > starts.at(-1)! && lines[j]!.trim() === '') j--;
      const candidate = lines[j]!.trim();
      const named = j > starts.at(-1)! + 1 && j === i - 1 && lines[j - 1]!.trim() === '' && isNameLike(candidate) && !/[.!?:;]$/.test(candidate);
      const start = named ? j : i;
      starts.push(start);
      notes.push(
        named
          ? `a new listing starts at line ${start + 1} (a name line and a second "Purpose:")`
          : `a new listing starts at line ${i + 1} (a second "Purpose:" with no name line before it: its name is unknown)`,
      );
      sawHeading = true;
      continue;
    }
    sawHeading = true;
    if (key === 'purpose') sawPurpose = true;
  }
  const texts = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length).join('\n'));
  return { texts, notes: texts.length > 1 ? [`the file holds ${texts.length} listings`, ...notes] : [] };
}

/**
 * A listing's purpose text, from the lines under "Purpose:" to the Markdown the entry stores:
 * paragraphs (separated by blank lines, or by line breaks where a sentence ends short of the
 * listing's wrap width) with their mid-sentence line breaks rejoined, `*` bullet and numbered
 * lists kept as Markdown lists (with sub-items that lost their bullets), and Markdown headings kept.
 */
import { sentences } from './derive-text.ts';
import { joinBrokenLines } from './listing-text.ts';

export type PurposeBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

export interface PurposeText {
  blocks: PurposeBlock[];
  /** How many hard line breaks inside a paragraph or list item were rejoined. */
  rejoinedBreaks: number;
  /** Line breaks read as the end of a paragraph although no blank line followed. */
  paragraphBreaks: number;
  /** List items found on lines without a bullet (sub-items ending in ":" or ";"). */
  unbulletedItems: number;
  /** The width the export wrapped lines at, learnt from the listing; undefined when it did not wrap. */
  wrapWidth?: number;
  /** True when lines are longer than any export wrapped at: one paragraph per line. */
  unwrapped: boolean;
}

interface ListItem {
  ordered: boolean;
  number: number;
  text: string;
}

const HEADING = /^#{1,6}\s+\S/;
/** A line that closes a sentence: ".", "!", "?", "…" or ":", maybe followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?…:]["”’»)\]]*$/u;
/** A line that opens one: a capital or a digit, maybe after an opening quote or bracket. */
const SENTENCE_START = /^["“‘«([]?[\p{Lu}\d]/u;
const SUB_ITEM_END = /[;:]$/;
/** Old exports wrapped near 70–80 columns; lines far longer than that were never wrapped. */
const WIDEST_WRAP = 120;

function listItem(line: string): ListItem | undefined {
  const bullet = /^[•‣◦▪]\s*(\S.*)$/u.exec(line) ?? /^[*-]\s+(\S.*)$/.exec(line);
  if (bullet) return { ordered: false, number: 0, text: bullet[1]! };
  // `*item` without a space is a bullet too, unless a second `*` makes it `*emphasis*`
  const tight = /^\*([^\s*][^*]*)$/.exec(line);
  if (tight) return { ordered: false, number: 0, text: tight[1]! };
  const numbered = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(line);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2]! };
  return undefined;
}

const firstWord = (line: string) => /^\S*/.exec(line)![0];

/**
 * The width an export wrapped the text at, learnt from the listing: the longest of the lines that
 * plainly go on (no sentence ends there, text follows), when at least two of them reach near it.
 * A listing that puts each paragraph on one line has no such lines, or lines far too long to be
 * wrapped ones: it did not wrap.
 */
export function learnWrapWidth(lines: readonly { text: string; width: number }[]): number | undefined {
  const going: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const { text, width } = lines[i]!;
    const next = lines[i + 1]!.text;
    if (text !== '' && next !== '' && !listItem(next) && !SENTENCE_END.test(text) && !SUB_ITEM_END.test(text)) going.push(width);
  }
  if (going.length < 2) return undefined;
  const widest = Math.max(...going);
  if (widest > WIDEST_WRAP) return undefined;
  return going.filter((w) => w >= widest * 0.8).length >= 2 ? widest : undefined;
}

/**
 * Lines under "Purpose:" (the heading's own line first; `firstIndent` is how many columns the
 * heading took on it) → blocks. A blank line ends a paragraph or list, as does a line break where
 * a sentence ends, the next line starts one, and the next line's first word would have fitted on
 * the line (so the export did not break it for width). Under a list item, a line goes on the item
 * when the item's line was broken for width, becomes an item of its own when it ends in ":" or
 * ";" (a sub-item the export lost its bullet for), and otherwise starts a paragraph after the list.
 */
export function readPurpose(lines: readonly string[], firstIndent = 0): PurposeText {
  const rows = lines.map((raw, i) => {
    const text = raw.trim().replace(/ {2,}/g, ' ');
    return { text, width: text.length + (i === 0 ? firstIndent : 0) };
  });
  const wrapWidth = learnWrapWidth(rows);
  // No wrap width learnt: lines longer than any export wrapped at mean one paragraph per line;
  // short lines only may still be a wrapped paragraph too short to tell, and are joined as before.
  const unwrapped = wrapWidth === undefined && rows.some((r) => r.width > WIDEST_WRAP);
  const blocks: PurposeBlock[] = [];
  let rejoinedBreaks = 0;
  let paragraphBreaks = 0;
  let unbulletedItems = 0;
  let paragraph: string[] = [];
  let items: { item: ListItem; lines: string[] }[] = [];

  /** Was the break after this row made on purpose (not to keep within the wrap width)? */
  const deliberate = (row: { text: string; width: number }, next: string) =>
    wrapWidth !== undefined ? row.width + 1 + firstWord(next).length <= wrapWidth : unwrapped && !/^\p{Ll}/u.test(next);
  const endsParagraph = (row: { text: string; width: number }, next: string) =>
    SENTENCE_END.test(row.text) && SENTENCE_START.test(next) && deliberate(row, next);

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    rejoinedBreaks += paragraph.length - 1;
    blocks.push({ kind: 'paragraph', text: joinBrokenLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (items.length === 0) return;
    const previous = blocks.at(-1);
    const ordered = items[0]!.item.ordered;
    const texts = items.map(({ lines: l }) => {
      rejoinedBreaks += l.length - 1;
      return joinBrokenLines(l);
    });
    // items separated by blank lines are still one list
    if (previous?.kind === 'list' && previous.ordered === ordered) previous.items.push(...texts);
    else blocks.push({ kind: 'list', ordered, start: items[0]!.item.number, items: texts });
    items = [];
  };

  let last: { text: string; width: number } | undefined;
  for (const row of rows) {
    const line = row.text;
    const previous = last;
    last = row;
    if (line === '') {
      flushParagraph();
      flushList();
      last = undefined;
      continue;
    }
    if (HEADING.test(line)) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', text: line });
      continue;
    }
    const item = listItem(line);
    if (item) {
      flushParagraph();
      items.push({ item, lines: [item.text] });
      continue;
    }
    if (items.length > 0 && previous) {
      const current = items.at(-1)!;
      const closed = SENTENCE_END.test(previous.text) || SUB_ITEM_END.test(previous.text);
      // list items often end without a full stop: one whose next word would have fitted has ended
      const brokenForWidth = wrapWidth === undefined ? !unwrapped : !deliberate(previous, line);
      if (/^\p{Ll}/u.test(line) && !closed ? true : !closed && brokenForWidth) {
        current.lines.push(line); // a list item broken for width goes on
      } else if (SUB_ITEM_END.test(line) || previous.text.endsWith(':')) {
        unbulletedItems += 1;
        items.push({ item: { ...current.item, number: current.item.number + 1, text: line }, lines: [line] });
      } else {
        flushList();
        paragraphBreaks += 1;
        paragraph.push(line);
      }
      continue;
    }
    if (paragraph.length > 0 && previous && endsParagraph(previous, line)) {
      flushParagraph();
      paragraphBreaks += 1;
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return { blocks, rejoinedBreaks, paragraphBreaks, unbulletedItems, unwrapped, ...(wrapWidth !== undefined ? { wrapWidth } : {}) };
}

/**
 * Plain text that would be read as Markdown syntax at the start of a block is escaped, so that
 * "1986. We were founded…" stays a sentence and does not become a numbered list.
 */
function escapeBlockStart(text: string): string {
  return text
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([>+])(?=\s|$)/, '\\$1')
    .replace(/^(`{3}|~{3})/, '\\$1');
}

export function purposeMarkdown(blocks: readonly PurposeBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.text;
        case 'paragraph':
          return escapeBlockStart(block.text);
        case 'list':
          return block.items.map((item, i) => `${block.ordered ? `${block.start + i}.` : '*'} ${escapeBlockStart(item)}`).join('\n');
      }
    })
    .join('\n\n');
}

/**
 * The paragraph a summary is drawn from: the first one, unless it only introduces a list
 * ("Our aims are:"), in which case the first that does not. A first paragraph that says
 * something and then introduces a list ("We fight for couriers. Our demands are:") is used
 * without its introducing sentence.
 */
export function leadParagraph(blocks: readonly PurposeBlock[]): string | undefined {
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  for (const p of paragraphs) {
    if (!p.endsWith(':')) return p;
    const said = sentences(p).slice(0, -1).join(' ');
    if (said !== '') return said;
  }
  return paragraphs[0];
}

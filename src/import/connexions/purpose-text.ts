/**
 * A listing's purpose text, from the lines under "Purpose:" to the Markdown the entry stores:
 * paragraphs (blank-line separated) with their mid-sentence line breaks rejoined, `*` bullet and
 * numbered lists kept as Markdown lists, and lines that already are Markdown headings kept.
 */
import { joinBrokenLines } from './listing-text.ts';

export type PurposeBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

export interface PurposeText {
  blocks: PurposeBlock[];
  /** How many hard line breaks inside a paragraph or list item were rejoined. */
  rejoinedBreaks: number;
}

interface ListItem {
  ordered: boolean;
  number: number;
  text: string;
}

const HEADING = /^#{1,6}\s+\S/;

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

/** Lines under "Purpose:" (the heading's own line first) → blocks. */
export function readPurpose(lines: readonly string[]): PurposeText {
  const blocks: PurposeBlock[] = [];
  let rejoinedBreaks = 0;
  let paragraph: string[] = [];
  let items: { item: ListItem; lines: string[] }[] = [];

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

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      flushParagraph();
      flushList();
      continue;
    }
    if (HEADING.test(line)) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', text: line.replace(/\s+/g, ' ') });
      continue;
    }
    const item = listItem(line);
    if (item) {
      flushParagraph();
      items.push({ item, lines: [item.text] });
    } else if (items.length > 0) {
      items.at(-1)!.lines.push(line); // a wrapped list item goes on
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return { blocks, rejoinedBreaks };
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
          return block.items
            .map((item, i) => `${block.ordered ? `${block.start + i}.` : '*'} ${escapeBlockStart(item)}`)
            .join('\n');
      }
    })
    .join('\n\n');
}

/**
 * The paragraph a summary is drawn from: the first one, unless it only introduces a list
 * ("Our aims are:"), in which case the first that does not.
 */
export function leadParagraph(blocks: readonly PurposeBlock[]): string | undefined {
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  return paragraphs.find((p) => !p.endsWith(':')) ?? paragraphs[0];
}

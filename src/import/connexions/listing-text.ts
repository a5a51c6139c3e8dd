/**
 * The raw text of a Connexions listing: decoded from the bytes of an old export, line endings
 * unified, and the export's one known corruption repaired (an apostrophe written as `#`).
 * Pure functions; the file is read elsewhere.
 */

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node's TextDecoder treats the
 * "windows-1252" label as Latin-1 (0x92 stays a control character instead of ’), so the
 * difference is mapped here, from the WHATWG index: https://encoding.spec.whatwg.org/index-windows-1252.txt
 */
const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/** UTF-8 when the bytes are valid UTF-8; otherwise Windows-1252, the usual encoding of old exports. */
export function decodeListingBytes(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error; // TypeError is how a fatal decoder reports invalid bytes
    encoding = 'windows-1252';
    text = Array.from(bytes, (b) => WINDOWS_1252_HIGH[b] ?? String.fromCharCode(b)).join('');
  }
  return { text: normaliseLines(text), encoding };
}

/** No BOM, `\n` line endings, no-break spaces and tabs as plain spaces, no trailing spaces. */
export function normaliseLines(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00A0\u2007\u202F]/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/giu;
/** `worker#s`, `don#t`, `l#union`: a `#` between two letters. */
const BETWEEN_LETTERS = /(?<=\p{L})#(?=\p{L})/gu;
/**
 * `workers# rights`: a `#` closing a word of two or more letters. A `#` after a single letter
 * (`C#`, `F# minor`) is a name or a note, not an apostrophe, and is kept.
 */
const CLOSING_WORD = /(?<=\p{L}\p{L})#(?=[\s.,;:!?)\]"”’]|$)/gmu;

/**
 * Puts back the apostrophes an old export replaced with `#`, only where a `#` follows a letter.
 * A `#` that starts a Markdown heading or a `#hashtag`, and anything inside a web address
 * (`page.html#section`), are left alone.
 */
export function repairApostrophes(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const apostrophe = () => {
    repaired += 1;
    return "'";
  };
  const fix = (segment: string) => segment.replace(BETWEEN_LETTERS, apostrophe).replace(CLOSING_WORD, apostrophe);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    out += fix(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += fix(text.slice(last));
  return { text: out, repaired };
}

/** Joins the lines of one paragraph that an export broke in mid-sentence. */
export function joinBrokenLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim().replace(/ {2,}/g, ' ');
    if (line === '') continue;
    if (out === '') out = line;
    // `self-` + `organisation`: the hyphen is part of the word, so no space is added
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

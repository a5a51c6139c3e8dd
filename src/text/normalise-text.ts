/**
 * Text folding shared by the build (indexing) and the query engine (searching), so that both sides
 * agree: lower case, accents removed (`Confederación` → `confederacion`), split on anything that
 * is not a letter or a digit. Pure and dependency-free.
 */
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
}

export function tokenize(text: string): string[] {
  return fold(text).split(NOT_WORD).filter((t) => t.length > 0);
}

/** A name reduced for duplicate detection: folded, punctuation and spacing removed. */
export function nameKey(name: string): string {
  return tokenize(name).join(' ');
}

/** The registrable-looking host of a URL, without `www.`, for duplicate detection. */
export function websiteDomain(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined; // not a URL: nothing to compare
  }
}

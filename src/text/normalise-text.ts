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
  return fold(text)
    .split(NOT_WORD)
    .filter((t) => t.length > 0);
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

/** A name reduced for comparison without spaces: "SUD-Rail", "Sud Rail" and "SUDRAIL" agree. */
export function compactKey(name: string): string {
  return nameKey(name).replace(/ /g, '');
}

/**
 * A website as people mean it: scheme, `www.`, letter case of the host and a trailing slash do not
 * count, so `http://www.x.org/` and `https://x.org` are one website. Undefined when not a URL.
 */
export function websiteKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.port ? `:${u.port}` : ''}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return undefined; // not a URL: nothing to compare
  }
}

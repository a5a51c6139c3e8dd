/**
 * The one language picker: the API, the site, the join pages, the CMS and the widget all choose a
 * language with these two functions. An explicit choice (the page's path, `?lang=`, a `lang`
 * attribute, the visitor's cookie) wins; then the browser's `Accept-Language`, in order of its
 * quality values (RFC 9110 §12.5.4), `q=0` meaning "not this one"; then the default.
 */

/** Primary language subtags from an Accept-Language header, best first; q=0 and `*` are dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranges: { tag: string; q: number; i: number }[] = [];
  const refused = new Set<string>();
  header
    .split(',')
    .slice(0, 20)
    .forEach((part, i) => {
      const [range, ...params] = part.trim().split(';');
      const tag = (range ?? '').trim().toLowerCase().split('-')[0] ?? '';
      if (!/^[a-z]{2,3}$/.test(tag)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
        if (m) q = Number(m[1]);
      }
      if (q > 0) ranges.push({ tag, q, i });
      else if (!range?.includes('-')) refused.add(tag); // "fr;q=0" refuses every French; "fr-CA;q=0" only one variety
    });
  ranges.sort((a, b) => b.q - a.q || a.i - b.i);
  return [...new Set(ranges.map((r) => r.tag))].filter((tag) => !refused.has(tag));
}

/** The primary subtag of a language tag (`pt-BR` → `pt`), lower case. */
export function primaryTag(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export interface LanguageChoice {
  /** Choices in order of precedence: path, `lang` parameter or attribute, cookie… The first available one wins. */
  explicit?: readonly (string | null | undefined)[];
  acceptLanguage?: string | null;
}

/** The best of `available` for this choice; `available[0]` when nothing matches. */
export function negotiate<L extends string>(available: readonly L[], choice: LanguageChoice): L {
  const has = (tag: string): tag is L => (available as readonly string[]).includes(tag);
  for (const candidate of choice.explicit ?? []) {
    const tag = primaryTag(candidate);
    if (has(tag)) return tag;
  }
  for (const tag of parseAcceptLanguage(choice.acceptLanguage)) if (has(tag)) return tag;
  return available[0]!;
}

/**
 * The directory's health: every entry's website and source links checked (src/health/check-link.ts)
 * under polite limits (src/health/host-limiter.ts), and the entries nobody has updated for more
 * than 18 months. Pure apart from what it is given: fetch, a clock and the limits, so tests run
 * it against local servers with a fixed date, and the scheduled function gives it a deadline.
 */
import { checkLink, type LinkResult } from './check-link.ts';
import { hostOf, runPolitely, type Concurrency } from './host-limiter.ts';

export interface HealthEntry {
  slug: string;
  name: string;
  website?: string;
  sources?: { url?: string; title?: string }[];
  /** YYYY-MM-DD */
  updated: string;
}

export interface HealthDeps {
  fetch: typeof globalThis.fetch;
  now: () => Date;
  concurrency: Concurrency;
  timeoutMs: number;
  userAgent: string;
  sleep?: (ms: number) => Promise<void>;
  /** Epoch ms after which no new link is started (the scheduled function's time limit). */
  deadline?: number;
}

export const STALE_AFTER_MONTHS = 18;

export interface LinkUse {
  slug: string;
  name: string;
  /** `website` or `sources[2]`: where the link sits in the entry. */
  field: string;
}

export interface CheckedLink {
  url: string;
  uses: LinkUse[];
  /** Undefined when the deadline came first. */
  result?: LinkResult;
}

export interface HealthReport {
  checkedAt: string;
  entries: number;
  links: CheckedLink[];
  stale: { slug: string; name: string; updated: string }[];
  /** Every checked link was unreachable: most likely this machine has no internet, not the sites. */
  offline: boolean;
}

/** The date `months` before `now`, as YYYY-MM-DD (UTC). */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

function linksOf(entries: readonly HealthEntry[]): CheckedLink[] {
  const byUrl = new Map<string, CheckedLink>();
  const add = (url: string | undefined, use: LinkUse) => {
    if (!url || !/^https?:\/\//i.test(url)) return;
    const link = byUrl.get(url) ?? { url, uses: [] };
    link.uses.push(use);
    byUrl.set(url, link);
  };
  for (const e of entries) {
    add(e.website, { slug: e.slug, name: e.name, field: 'website' });
    (e.sources ?? []).forEach((s, i) => {
      add(s.url, { slug: e.slug, name: e.name, field: `sources[${i}]` });
    });
  }
  return [...byUrl.values()];
}

export async function checkHealth(entries: readonly HealthEntry[], deps: HealthDeps): Promise<HealthReport> {
  const started = deps.now();
  const links = linksOf(entries);
  const results = await runPolitely(
    links,
    (l) => hostOf(l.url),
    async (l) =>
      deps.deadline !== undefined && deps.now().getTime() >= deps.deadline
        ? undefined
        : checkLink(l.url, { fetch: deps.fetch, userAgent: deps.userAgent, timeoutMs: deps.timeoutMs }),
    deps.concurrency,
    deps.sleep,
  );
  links.forEach((l, i) => {
    if (results[i]) l.result = results[i];
  });
  const checked = links.filter((l) => l.result);
  const cutoff = monthsBefore(started, STALE_AFTER_MONTHS);
  return {
    checkedAt: started.toISOString(),
    entries: entries.length,
    links,
    stale: entries
      .filter((e) => e.updated < cutoff)
      .map((e) => ({ slug: e.slug, name: e.name, updated: e.updated }))
      .sort((a, b) => a.updated.localeCompare(b.updated) || a.slug.localeCompare(b.slug)),
    offline: checked.length > 0 && checked.every((l) => l.result!.verdict === 'unreachable'),
  };
}

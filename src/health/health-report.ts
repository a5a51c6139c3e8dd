/**
 * The health report as editors read it: GitHub-flavoured Markdown for the one "Entry health"
 * issue (and the terminal). Every finding names the entry, links its page and its edit form in
 * the CMS, and says what to do. A machine without internet gets a warning instead of a list of
 * "unreachable" sites, and never a "dead" one (check-link.ts only calls a 404 or 410 dead).
 *
 * Markdown: https://docs.github.com/get-started/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables
 */
import { STALE_AFTER_MONTHS, type CheckedLink, type HealthReport } from './check-entries.ts';

/** Hidden in the issue body: how the publisher finds the one issue again. */
export const HEALTH_MARKER = '<!-- solidarity-directory:entry-health -->';

export interface ReportLinks {
  /** The public site, e.g. https://directory.example.org (no trailing slash). */
  siteUrl: string;
}

/** Text in a Markdown table cell: no pipes, brackets or HTML from an entry's name. */
function cell(text: string): string {
  return text.replace(/[\\|[\]<>*_`]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** A URL as an autolink; `new URL` has percent-encoded anything that could end it. */
function link(url: string): string {
  try {
    return `<${new URL(url).href}>`;
  } catch {
    return `\`${url.replace(/`/g, '')}\``;
  }
}

export function editUrl(siteUrl: string, slug: string): string {
  // Decap CMS's route for one entry of a folder collection: #/collections/<collection>/entries/<slug>
  return `${siteUrl}/admin/#/collections/groups/entries/${encodeURIComponent(slug)}`;
}

function entryCell(siteUrl: string, use: CheckedLink['uses'][number]): string {
  return `[${cell(use.name)}](${siteUrl}/groups/${encodeURIComponent(use.slug)}/) · [edit](${editUrl(siteUrl, use.slug)})`;
}

function rows(links: CheckedLink[], siteUrl: string, columns: (l: CheckedLink) => string[]): string[] {
  return links.flatMap((l) => l.uses.map((u) => `| ${entryCell(siteUrl, u)} | ${u.field} | ${columns(l).join(' | ')} |`));
}

export interface HealthSummary {
  dead: number;
  moved: number;
  failing: number;
  unreachable: number;
  notChecked: number;
  stale: number;
  /** Nothing for an editor to do. */
  clear: boolean;
}

export function summarise(report: HealthReport): HealthSummary {
  const count = (v: string) => report.links.filter((l) => l.result?.verdict === v).length;
  const moved = report.links.filter((l) => l.result?.verdict === 'redirected').length;
  const s = {
    dead: count('dead'),
    moved,
    failing: count('failing'),
    unreachable: count('unreachable'),
    notChecked: report.links.filter((l) => !l.result).length,
    stale: report.stale.length,
  };
  return { ...s, clear: !report.offline && s.dead + s.moved + s.failing + s.unreachable + s.stale === 0 };
}

export function healthTitle(report: HealthReport): string {
  const s = summarise(report);
  if (report.offline) return 'Entry health: the last check had no internet access';
  if (s.clear) return 'Entry health: all links answer, no entry is stale';
  const parts = [
    s.dead && `${s.dead} dead`,
    s.moved && `${s.moved} moved`,
    s.failing && `${s.failing} failing`,
    s.unreachable && `${s.unreachable} unreachable`,
    s.stale && `${s.stale} stale`,
  ].filter(Boolean);
  return `Entry health: ${parts.join(', ')}`;
}

export function healthMarkdown(report: HealthReport, { siteUrl }: ReportLinks): string {
  const s = summarise(report);
  const day = report.checkedAt.slice(0, 10);
  const by = (v: string) => report.links.filter((l) => l.result?.verdict === v);
  const out: string[] = [HEALTH_MARKER, ''];
  out.push(
    `Checked on ${day}: ${report.links.length - s.notChecked} links (websites and sources) of ${report.entries} entries, and when each entry was last updated. This issue is updated in place by the weekly check (\`npm run check:health\` runs it by hand); it closes itself when there is nothing to do.`,
  );
  out.push('');
  if (report.offline) {
    out.push('> [!WARNING]');
    out.push(
      '> Every link was unreachable, so the checker most likely had no internet access. No link is reported dead; the figures below are from this run only and should be checked again.',
    );
    out.push('');
  }
  if (s.notChecked > 0) {
    out.push(`> [!NOTE]\n> ${s.notChecked} links were not checked in this run's time limit; run \`npm run check:health\` for all of them.`);
    out.push('');
  }
  const dead = by('dead');
  if (dead.length) {
    out.push(`### Dead links (${dead.length})`, '', 'The site answered that the page does not exist. Find the new address, or remove the link.', '');
    out.push(
      '| Entry | Field | Link | Answer |',
      '|---|---|---|---|',
      ...rows(dead, siteUrl, (l) => [link(l.url), `${l.result!.status}${l.result!.redirects.length ? ` after redirect to ${link(l.result!.finalUrl)}` : ''}`]),
      '',
    );
  }
  const moved = by('redirected');
  if (moved.length) {
    out.push(`### Links that moved (${moved.length})`, '', 'The link still works but leads elsewhere. Record the new address when the move is permanent.', '');
    out.push(
      '| Entry | Field | Link | Now at | Redirect |',
      '|---|---|---|---|---|',
      ...rows(moved, siteUrl, (l) => [
        link(l.url),
        link(l.result!.finalUrl),
        `${l.result!.redirects.map((r) => r.status).join(' → ')} (${l.result!.permanent ? 'permanent' : 'temporary'})`,
      ]),
      '',
    );
  }
  const failing = by('failing');
  if (failing.length) {
    out.push(
      `### Links answering with an error (${failing.length})`,
      '',
      'The site answered, but with an error (server trouble, refusal of automated checks, a redirect loop). Open the link in a browser before changing anything.',
      '',
    );
    out.push(
      '| Entry | Field | Link | Answer |',
      '|---|---|---|---|',
      ...rows(failing, siteUrl, (l) => [link(l.url), cell(l.result!.problem ?? `HTTP ${l.result!.status}`)]),
      '',
    );
  }
  const unreachable = by('unreachable');
  if (unreachable.length) {
    out.push(
      `### Unreachable (${unreachable.length})`,
      '',
      'No answer at all (timeout, reset or refused connection, unknown name). This can be temporary; a link that stays here week after week is probably gone.',
      '',
    );
    out.push('| Entry | Field | Link | Problem |', '|---|---|---|---|', ...rows(unreachable, siteUrl, (l) => [link(l.url), cell(l.result!.problem ?? '')]), '');
  }
  if (report.stale.length) {
    out.push(
      `### Not updated for more than ${STALE_AFTER_MONTHS} months (${report.stale.length})`,
      '',
      'Check that the group still exists and that its entry is right, then save it in the CMS (saving updates the date).',
      '',
    );
    out.push(
      '| Entry | Last updated |',
      '|---|---|',
      ...report.stale.map((e) => `| ${entryCell(siteUrl, { slug: e.slug, name: e.name, field: '' })} | ${e.updated} |`),
      '',
    );
  }
  if (s.clear) out.push('Nothing to do: every link answers at its recorded address and every entry was updated in the last 18 months.', '');
  return out.join('\n');
}

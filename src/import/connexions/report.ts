/**
 * What an import run did (or, in a dry run, would do) with each listing file, and its text for
 * the terminal. Every dropped value is listed with its reason; contact details never appear.
 */
import type { Dropped } from './parse-listing.ts';
import type { Change, Conflict } from './merge-entry.ts';
import type { ListingDecisions } from './map-listing.ts';

/**
 * imported: a new entry file; merged: empty fields of an existing entry filled; unchanged: the
 * existing entry already holds everything; incomplete: the listing cannot become a valid entry;
 * skipped: the file could not be read or written.
 */
export type Outcome = 'imported' | 'merged' | 'unchanged' | 'incomplete' | 'skipped';

export interface FileReport {
  file: string;
  /** Which listing of the file, when it holds several (1, 2…). */
  listing?: number;
  outcome: Outcome;
  /** The entry file written, merged into or matched, relative to the content root. */
  target?: string;
  /** For a new entry every field written; for a merge the fields filled. */
  changes: Change[];
  conflicts: Conflict[];
  dropped: Dropped[];
  notes: string[];
  /** Why the listing was not imported. */
  problems: string[];
  /** What the import decided, for an editor checking a batch: layout, language, match. */
  decisions?: ListingDecisions & { match?: { target: string; via: string; name: string } };
}

export interface ImportReport {
  dryRun: boolean;
  files: FileReport[];
  /** Problems that stopped the whole run before any listing was read. */
  problems: string[];
}

/** True when something was not imported: the command then exits with status 1. */
export function reportFailed(report: ImportReport): boolean {
  return report.problems.length > 0 || report.files.some((f) => f.outcome === 'incomplete' || f.outcome === 'skipped');
}

function show(value: unknown, max = 100): string {
  let text: string;
  if (Array.isArray(value)) text = value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v).join(' ') : String(v))).join(', ');
  else if (typeof value === 'string') text = `"${value}"`;
  else text = String(value);
  text = text.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function headline(f: FileReport, dryRun: boolean): string {
  const would = (done: string, planned: string) => (dryRun ? planned : done);
  switch (f.outcome) {
    case 'imported':
      return `${would('imported as', 'would be imported as')} ${f.target}`;
    case 'merged':
      return `${would('merged into', 'would be merged into')} ${f.target} (${f.changes.length} field${f.changes.length > 1 ? 's' : ''} filled)`;
    case 'unchanged':
      return `already in ${f.target}: nothing to fill`;
    case 'incomplete':
      return 'incomplete: not written';
    case 'skipped':
      return 'skipped';
  }
}

export function formatReport(report: ImportReport): string {
  const lines = [report.dryRun ? 'Connexions import (dry run: nothing was written)' : 'Connexions import', ''];
  for (const problem of report.problems) lines.push(`  ✗ ${problem}`);
  for (const f of report.files) {
    lines.push(f.listing ? `${f.file} (listing ${f.listing})` : f.file, `  ${headline(f, report.dryRun)}`);
    for (const p of f.problems) lines.push(`    ✗ ${p}`);
    const verb = f.outcome === 'imported' ? 'sets' : 'fills';
    for (const c of f.changes) lines.push(`    + ${verb} ${c.field}: ${show(c.value)}`);
    for (const c of f.conflicts) lines.push(`    ! conflict in ${c.field}: kept ${show(c.kept, 70)}; the listing says ${show(c.listing, 70)}`);
    for (const d of f.dropped) lines.push(`    - dropped ${show(d.value, 80)}: ${d.reason}`);
    for (const n of f.notes) lines.push(`    · ${n}`);
    lines.push('');
  }
  const count = (o: Outcome) => report.files.filter((f) => f.outcome === o).length;
  const dropped = report.files.reduce((n, f) => n + f.dropped.length, 0);
  const conflicts = report.files.reduce((n, f) => n + f.conflicts.length, 0);
  lines.push(
    `${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${count('imported')} imported, ${count('merged')} merged, ` +
      `${count('unchanged')} unchanged, ${count('incomplete')} incomplete, ${count('skipped')} skipped; ` +
      `${dropped} value${dropped === 1 ? '' : 's'} dropped, ${conflicts} conflict${conflicts === 1 ? '' : 's'} left for an editor.`,
  );
  return lines.join('\n');
}

/**
 * The report as JSON (`--report json`): per listing, the fields it set, every value dropped, the
 * decisions (paragraphs and list items found, wrap width, language identified with its confidence,
 * the entry matched and by which name), so a batch can be checked or compared by a script.
 */
export function reportJson(report: ImportReport): string {
  return JSON.stringify(
    {
      dry_run: report.dryRun,
      problems: report.problems,
      listings: report.files.map((f) => ({
        file: f.file,
        ...(f.listing ? { listing: f.listing } : {}),
        outcome: f.outcome,
        ...(f.target ? { target: f.target } : {}),
        fields: Object.fromEntries(f.changes.map((c) => [c.field, c.value])),
        conflicts: f.conflicts,
        dropped: f.dropped,
        decisions: f.decisions ?? {},
        notes: f.notes,
        problems: f.problems,
      })),
    },
    null,
    2,
  );
}

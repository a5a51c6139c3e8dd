/**
 * Shared set-up for the import tests: a temporary project holding a copy of the real content
 * folder (never the real one), a fixed clock, and the run wired to the real disk.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { decodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';
import { importListings, type ImportIo } from '../../src/import/connexions/import-run.ts';
import { createNodeIo } from '../../src/import/connexions/node-io.ts';
import { entrySchema, type Entry } from '../../src/schema/entry.ts';

import { PROJECT_ROOT as PROJECT } from './project-root.ts';

export { PROJECT };
export const FIXTURES = join(PROJECT, 'test', 'fixtures', 'connexions');
export const SEED = 'connexions-ilnss-2018.txt';
/** Noon local time, so the date is the same in every time zone the tests run in. */
export const TODAY = '2026-12-01';
export const clock = () => new Date(2026, 11, 1, 12);

/** A temporary project with a copy of content/, minus `without` (group file names); removed after the test. */
export async function tempProject(without: string[] = []): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'connexions-import-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  await cp(join(PROJECT, 'content'), join(root, 'content'), { recursive: true });
  for (const name of without) await rm(join(root, 'content', 'groups', name));
  return root;
}

/** A temporary folder of listing files written by the test (text, or raw bytes); removed after the test. */
export async function tempListings(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'connexions-listings-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** Imports listing files, named relative to `from` (test/fixtures/connexions unless given), into `root`. */
export function importInto(
  root: string,
  inputs: string[],
  options: {
    dryRun?: boolean;
    askName?: (file: string) => Promise<string | undefined>;
    io?: ImportIo;
    clock?: () => Date;
    from?: string;
    givenName?: string;
  } = {},
) {
  return importListings({
    root,
    inputs,
    dryRun: options.dryRun ?? false,
    clock: options.clock ?? clock,
    io: options.io ?? createNodeIo(options.from ?? FIXTURES),
    ...(options.askName ? { askName: options.askName } : {}),
    ...(options.givenName ? { givenName: options.givenName } : {}),
  });
}

export async function readEntry(root: string, slug: string): Promise<Entry> {
  const { data, body } = parseFrontMatter(await readFile(join(root, 'content', 'groups', `${slug}.md`), 'utf8'));
  return entrySchema.parse(decodeEntryFile(data, body).value);
}

export async function writeGroup(root: string, slug: string, text: string): Promise<void> {
  await writeFile(join(root, 'content', 'groups', `${slug}.md`), text);
}

/** Every file under content/, path → text: equal snapshots mean nothing was written. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(join(root, 'content'), { recursive: true })).sort()) {
    const path = join(root, 'content', name);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EISDIR') return undefined;
      throw error;
    });
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/** What `npm run build:content` would say about the folder: [] when it passes. */
export async function buildProblems(root: string): Promise<string[]> {
  const result = validateContent(await loadContent(root));
  return result.ok ? [] : result.problems.map(formatProblem);
}

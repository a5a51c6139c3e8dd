/**
 * On Netlify a function only has the files netlify.toml's `included_files` ships with it. Each
 * function reads one artefact JSON file at cold start, and that file names three sidecars by content
 * version (its entries as JSON Lines, the search postings, the names and domains the join compares); a function shipped without one of them
 * would fail at its first request in production only, since every local runtime reads the
 * repository's generated/ folder. This checks, for every function, that what it reads and every
 * file a build writes beside it match its `included_files`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { artefactFiles } from '../../src/content/write-artefact.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const ROOT = join(import.meta.dirname, '../..');
const FUNCTIONS = join(ROOT, 'netlify/functions');
const toml = parse(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')) as { functions?: Record<string, { included_files?: string[] }> };

/** The artefact file a function reads: `readArtefact('…')` in its module, or through wireJoinFunction. */
function artefactRead(source: string): string | undefined {
  const direct = /readArtefact\('([^']+)'/.exec(source);
  if (direct) return direct[1];
  const join = /wireJoinFunction\(import\.meta\.url(?:, '([^']+)')?\)/.exec(source);
  if (join) return join[1] ?? 'directory-list.json';
  return undefined;
}

/** Netlify's included_files globs: `*` within a name (https://docs.netlify.com/build/functions/optional-configuration/#include-files). */
const matches = (glob: string, path: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(path);

describe('included_files in netlify.toml', () => {
  const built = artefactFiles(fixtureDirectory().artefact).map(([name]) => name);
  const functions = readdirSync(FUNCTIONS)
    .filter((f) => /\.m?[jt]s$/.test(f))
    .map((f) => ({ name: basename(f).replace(/\.m?[jt]s$/, ''), read: artefactRead(readFileSync(join(FUNCTIONS, f), 'utf8')) }))
    .filter((f): f is { name: string; read: string } => f.read !== undefined);

  it('finds the functions that read an artefact', () => {
    expect(functions.length).toBeGreaterThan(10);
  });

  it.each(functions)('ships $name the artefact it reads and the files that artefact names', ({ name, read }) => {
    const globs = toml.functions?.[name]?.included_files ?? [];
    const base = read.replace(/\.json$/, '');
    const needed = built.filter(
      (file) => file === read || file.startsWith(`${base}.entries.`) || file.startsWith('directory.postings.') || file.startsWith('directory.names.'),
    );
    expect(needed.length, `the build writes ${read}, its entries, the postings and the names`).toBe(4);
    for (const file of needed)
      expect(
        globs.some((g) => matches(g, `generated/${file}`)),
        `${name} needs generated/${file} in included_files`,
      ).toBe(true);
    // Nor more than it reads: the other artefact's files would only weigh on its bundle.
    for (const file of built.filter((f) => !needed.includes(f)))
      expect(
        globs.some((g) => matches(g, `generated/${file}`)),
        `${name} ships generated/${file} it never reads`,
      ).toBe(false);
  });
});

/**
 * The embedded default writes applications into a local Git repository (a developer's, under
 * `npm start`). Whatever the names — path traversal, Git's own paths, options, ref syntax,
 * shell syntax, any Unicode — each accepted application adds one branch `cms/groups/<slug>` that
 * differs from the base branch by one file, `content/groups/<slug>.md`; nothing else changes:
 * not the working tree, not the index, not HEAD, not any other branch. Seeded; a temporary
 * repository, never the project's own.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

const SEED = 20260419;

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness({ mode: 'local-git' });
});
afterAll(async () => h?.close());

const git = (...args: string[]) => execFileSync('git', args, { cwd: h.repoPath!, encoding: 'utf8' }).trim();
const state = () => ({
  status: git('status', '--porcelain', '--untracked-files=all'),
  head: git('symbolic-ref', 'HEAD'),
  main: git('rev-parse', 'refs/heads/main'),
  index: createHash('sha1')
    .update(readFileSync(join(h.repoPath!, '.git', 'index')))
    .digest('hex'),
});

const PATHS = [
  '../../.github/workflows/deploy.yml',
  '..',
  '.git/config',
  '.git/hooks/post-checkout',
  '/etc/passwd',
  'C:\\Windows\\system32',
  'content/groups/../../README.md',
  '--upload-pack=touch /tmp/x',
  '-rf',
  'refs/heads/main',
  'HEAD',
  'main~1',
  'main^{tree}',
  '@{-1}',
  'a..b',
  'x.lock',
  'cms/groups/other',
  '$(touch x)',
  '`touch x`',
  '; rm -rf /',
  '| cat',
  'README.md',
  'netlify.toml',
  'package.json',
  'admin/config.yml',
  'CON',
  'nul',
  'aux.md',
  '\u0000',
  '\u202E',
  '%2e%2e%2f',
  '..%c0%af',
  '😀',
  'نقابة',
];

describe('local Git delivery of hostile names', () => {
  it('adds one branch per application, differing from main only by content/groups/<slug>.md, and touches nothing else', { timeout: 120_000 }, async () => {
    const before = state();
    const accepted: string[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.option(fc.constantFrom(...PATHS), { nil: undefined }),
        fc.string({ unit: 'binary', maxLength: 12 }),
        async (name, short, noise) => {
          run++;
          const r = await h.post({
            ...validApplication({ name: `${name}${noise} ${run}`, short_name: short, website: `https://local-${run}.example.org/`, alternate_names: [name] }),
            form_token: h.token(),
          });
          expect([201, 202, 400, 409], JSON.stringify(r.body)).toContain(r.status);
          if (r.status === 201) accepted.push(r.body.reference);
          expect(state()).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: 16 },
    );
    expect(accepted.length).toBeGreaterThan(8);

    const branches = git('for-each-ref', '--format=%(refname)', 'refs/heads').split('\n').sort();
    const cms = branches.filter((b) => b !== 'refs/heads/main');
    expect(cms).toHaveLength(accepted.length);
    for (const ref of cms) {
      expect(ref).toMatch(/^refs\/heads\/cms\/groups\/[a-z0-9]+(-[a-z0-9]+)*$/);
      const slug = ref.slice('refs/heads/cms/groups/'.length);
      expect(git('diff', '--name-status', 'refs/heads/main', ref)).toBe(`A\tcontent/groups/${slug}.md`);
      expect(git('rev-list', '--count', `refs/heads/main..${ref}`)).toBe('1');
    }
    // No stray lock or temporary index left behind in the repository.
    expect(git('status', '--porcelain', '--ignored', '--untracked-files=all')).toBe(before.status);
  });
});

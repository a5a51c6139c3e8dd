import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../scripts/import-connexions.ts';
import { FIXTURES, PROJECT, SEED, snapshot, tempProject } from '../support/import-helpers.ts';

const run = promisify(execFile);
const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(PROJECT, 'scripts', 'import-connexions.ts');

/** Runs the command as npm would: from the project folder, with INIT_CWD where the editor typed it. */
async function command(args: string[], root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: PROJECT, env: { ...process.env, CONTENT_ROOT: root, INIT_CWD: FIXTURES } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import:connexions', () => {
  it('--dry-run prints the report, writes nothing and succeeds', async () => {
    const root = await tempProject();
    const before = await snapshot(root);
    const { code, stdout } = await command(['--dry-run', SEED, 'inverted-name.txt'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('already in content/groups/ilnss.md: nothing to fill');
    expect(stdout).toContain('would be imported as content/groups/the-commune.md');
    expect(stdout).toMatch(/2 files: 1 imported, 0 merged, 1 unchanged, 0 incomplete, 0 skipped/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('exits with 1 when a listing could not be imported, after importing the others', async () => {
    const root = await tempProject();
    const { code, stdout } = await command(['no-purpose.txt', 'inverted-name.txt', 'missing.txt'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('imported as content/groups/the-commune.md');
    expect(stdout).toMatch(/missing\.txt\n {2}skipped\n {4}✗ no such file or folder/);
    expect(Object.keys(await snapshot(root))).toContain(join('groups', 'the-commune.md'));
  });

  it('exits with 2 and the usage when no listing is given', async () => {
    const { code, stderr } = await command([], await tempProject());
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run import:connexions -- [options] <file or folder>...');
  });

  it.each([
    [['--dry-run', 'a.txt', 'dir'], { dryRun: true, inputs: ['a.txt', 'dir'], report: 'text' }],
    [['a.txt', '--', '--odd-name.txt'], { dryRun: false, inputs: ['a.txt', '--odd-name.txt'], report: 'text' }],
    [
      ['--report', 'json', '--name', 'The Commune', '--lang', 'fr', 'a.txt'],
      { dryRun: false, inputs: ['a.txt'], report: 'json', name: 'The Commune', lang: 'fr' },
    ],
    [['--report', 'xml', 'a.txt'], { error: '--report takes json or text, not "xml"' }],
    [['--lang', 'xx', 'a.txt'], { error: '--lang takes one of en, fr, es, pt, it, de, not "xx"' }],
    [['--help'], { help: true }],
    [['--force', 'a.txt'], { error: 'unknown option --force' }],
    [['--dry-run'], { error: 'give at least one listing file or folder' }],
  ])('reads %j', (argv, parsed) => {
    expect(parseArguments(argv)).toEqual(parsed);
  });
});

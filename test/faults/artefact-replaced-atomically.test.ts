/**
 * The content build replaces the artefact atomically: whatever moment a reader (a function at a
 * cold start, `netlify dev` reloading) opens an artefact file, it reads the last good build or the
 * new one, whole — never a file being written. And a build that dies in the middle of a write
 * (disk full, killed) leaves the last good artefact, which the API goes on serving whole.
 *
 * The write path is observed, not timed: `writeFile` is wrapped so that each write the build
 * makes stops halfway — the first half of its bytes on disk — while the test reads every artefact
 * file, then finishes, or fails there.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readArtefact } from '../../src/runtime/read-artefact.ts';
import { contentSandbox, type ContentSandbox } from '../support/content-sandbox.ts';

const gate = vi.hoisted(() => ({
  active: false,
  writes: 0,
  /** The write (0, 1, …) that fails halfway, as a full disk or a killed process leaves it. */
  failAt: -1,
  /** Called while a write is half done. */
  halfway: async (_path: string) => {},
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof real.writeFile = async (path, data, options) => {
    if (!gate.active) return real.writeFile(path, data, options);
    const n = gate.writes++;
    const bytes = Buffer.from(typeof data === 'string' ? data : (data as Uint8Array));
    await real.writeFile(path, bytes.subarray(0, bytes.length >> 1));
    if (n === gate.failAt) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await gate.halfway(String(path));
    await real.writeFile(path, bytes);
  };
  return { ...real, writeFile, default: { ...real, writeFile } };
});

let sandbox: ContentSandbox;
beforeAll(async () => {
  sandbox = await contentSandbox();
});
afterAll(async () => sandbox?.close());
afterEach(() => {
  Object.assign(gate, { active: false, writes: 0, failAt: -1, halfway: async () => {} });
});

/**
 * The files readers load: every file the good build left but the type declaration
 * (directory.d.mts), a constant text for the type checker that the build rewrites in place.
 */
const artefactFiles = () => [...sandbox.good.keys()].filter((name) => !name.endsWith('.d.mts'));
const read = (name: string) => readFileSync(join(sandbox.out, name));
const functionUrl = () => pathToFileURL(join(sandbox.root, 'netlify', 'functions', 'x.mjs')).href;

/** A change to the content, so the new artefact differs from the last good one. */
function editContent(marker: string) {
  const path = sandbox.file('content/groups/cub.md');
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, original.replace(/^( {2}summary: ).*$/m, `$1Summary rewritten ${marker}.`));
  return () => writeFileSync(path, original);
}

describe('the artefact files', () => {
  it('are, whenever a reader opens one during a build, the last good build whole; after it, the new one whole', async () => {
    const restore = editContent('during a build');
    const names = artefactFiles();
    expect(names.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    gate.active = true;
    gate.halfway = async (path) => {
      seen.push(path.slice(sandbox.out.length + 1));
      for (const name of names) expect(read(name).equals(sandbox.good.get(name)!), `${name} while ${path} is half written`).toBe(true);
      expect(readArtefact('directory-list.json', functionUrl()).version).toBe(sandbox.artefact.version);
    };
    const result = await sandbox.build();
    gate.active = false;
    restore();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Every write the build made was observed halfway, and none was to a file readers load.
    expect(seen.length).toBeGreaterThanOrEqual(names.length);
    for (const name of names) expect(seen).not.toContain(name);
    // Afterwards: the new build, whole, in every file.
    expect(result.artefact.version).not.toBe(sandbox.artefact.version);
    for (const name of ['directory.json', 'directory-list.json']) expect(readArtefact(name, functionUrl()).version).toBe(result.artefact.version);
    for (const name of names.filter((n) => n.endsWith('.mjs'))) expect(read(name).toString('utf8')).toContain(result.artefact.version);
    // Back to the shipped content for the next test.
    expect((await sandbox.build()).ok).toBe(true);
    expect(artefactFiles().every((name) => read(name).equals(sandbox.good.get(name)!))).toBe(true);
  });

  it('are the last good build, whole, after a build that dies in the middle of any of its writes', async () => {
    // How many writes a build makes.
    gate.active = true;
    const restore = editContent('by a dying build');
    expect((await sandbox.build()).ok).toBe(true);
    const writes = gate.writes;
    expect(writes).toBeGreaterThanOrEqual(artefactFiles().length);
    restore();
    gate.active = false;
    expect((await sandbox.build()).ok).toBe(true); // the shipped content again

    for (let failAt = 0; failAt < writes; failAt++) {
      const undo = editContent(`by a build dying at write ${failAt}`);
      Object.assign(gate, { active: true, writes: 0, failAt });
      await expect(sandbox.build()).rejects.toThrow('ENOSPC');
      gate.active = false;
      undo();
      for (const name of artefactFiles()) expect(read(name).equals(sandbox.good.get(name)!), `${name} after dying at write ${failAt}`).toBe(true);
      expect(await sandbox.listTotal()).toBe(sandbox.artefact.entries.length);
    }
    // What a dead build leaves besides: its temporary files, which the next build replaces, and the
    // sidecars of one earlier build, kept one generation for readers that still hold its JSON.
    const stray = readdirSync(sandbox.out).filter((name) => !sandbox.good.has(name) && !name.endsWith('.tmp'));
    const tags = new Set(stray.map((name) => /^directory(?:-list)?\.(?:postings|entries|names)\.([\w-]+)\.\w+$/.exec(name)?.[1]));
    expect([...tags].length, stray.join(', ')).toBeLessThanOrEqual(1);
    expect(tags.has(undefined), stray.join(', ')).toBe(false);
  });
});

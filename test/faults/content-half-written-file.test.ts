/**
 * A content file written only in part — a save interrupted, a disk full, a sync cut off — at any
 * byte, including in the middle of a multi-byte character. The build never crashes on it: it
 * either accepts the file or names it in a problem. A group file is never accepted in part,
 * because the front matter's closing `---` is its last line (the CMS's format keeps every field,
 * the purpose included, inside it) and no prefix of it is closed. On disk, the build fails with
 * the file's message and the last good artefact stays, served whole by the API.
 *
 * A taxonomy term file is plain YAML, which has no end marker: cut inside its last value, it is a
 * valid shorter file and nothing can tell it from an edit. For those the property is only that
 * the build names the file or accepts it, never throws.
 */
import { writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentFile } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';
import { TAXONOMIES } from '../../src/schema/taxonomy.ts';
import { contentSandbox, type ContentSandbox } from '../support/content-sandbox.ts';
import { realContent } from '../support/real-content.ts';

const SEED = 20260418;

let shipped: Awaited<ReturnType<typeof realContent>>;
let sandbox: ContentSandbox;
beforeAll(async () => {
  shipped = await realContent();
  sandbox = await contentSandbox();
});
afterAll(async () => sandbox?.close());

/** The first `bytes` bytes of a file, read as the build reads files (UTF-8, a broken character becoming U+FFFD). */
const cut = (file: ContentFile, bytes: number) => Buffer.from(file.text, 'utf8').subarray(0, bytes).toString('utf8');

/** Where a group file's front matter closes: the start of its last `---` line. */
const closingFence = (text: string) => text.lastIndexOf('\n---') + 1;

describe('a content file written only in part', () => {
  // Each run validates the whole shipped directory, so these properties take time in proportion
  // to the content (68 entries in six languages); the limit is room, not a speed assertion.
  it('is a group file the build refuses, naming it, wherever before its closing fence it was cut', { timeout: 240_000 }, () => {
    const groups = shipped.raw.groups;
    fc.assert(
      fc.property(fc.nat({ max: groups.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, where) => {
        const file = groups[i]!;
        const size = Buffer.byteLength(file.text.slice(0, closingFence(file.text) + 3), 'utf8'); // a prefix ending inside `---` is not closed either
        const text = cut(file, Math.floor(where * (size - 1)));
        const result = validateContent({ ...shipped.raw, groups: groups.map((g, n) => (n === i ? { ...g, text } : g)) });
        expect(result.ok, `${file.path} cut to ${text.length} characters`).toBe(false);
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p.file).toBe(file.path);
          expect(formatProblem(p)).toMatch(new RegExp(`^${file.path.replace(/\./g, '\\.')}(: | → )\\S`));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('is any content file, cut at any byte, that the build names or accepts, and never crashes on', { timeout: 240_000 }, () => {
    const all = [
      ...shipped.raw.groups.map((f) => ({ kind: 'groups' as const, file: f })),
      ...TAXONOMIES.flatMap((t) => shipped.raw.taxonomies[t].map((f) => ({ kind: t, file: f }))),
    ];
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, where) => {
        const { kind, file } = all[i]!;
        const text = cut(file, Math.floor(where * Buffer.byteLength(file.text, 'utf8')));
        const swap = (files: ContentFile[]) => files.map((f) => (f.path === file.path ? { ...f, text } : f));
        const raw =
          kind === 'groups'
            ? { ...shipped.raw, groups: swap(shipped.raw.groups) }
            : { ...shipped.raw, taxonomies: { ...shipped.raw.taxonomies, [kind]: swap(shipped.raw.taxonomies[kind]) } };
        const result = validateContent(raw);
        if (result.ok) return;
        // Named: the file itself, or (a term cut so that its slug changed) the groups that use it.
        for (const p of result.problems) expect(p.file === file.path || /is not a known (subject heading|sector)/.test(p.message), formatProblem(p)).toBe(true);
        expect(result.problems.some((p) => p.file === file.path)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('fails the build on disk with the file named, and the API keeps serving the whole last good directory', async () => {
    const file = shipped.raw.groups.find((g) => g.path === 'content/groups/cub.md') ?? shipped.raw.groups[0]!;
    const bytes = Buffer.from(file.text, 'utf8');
    // Cut inside a two-byte character, as an interrupted write can leave it.
    const at = [...bytes.keys()].find((n) => n > bytes.length / 2 && bytes[n]! >= 0xc0) ?? Math.floor(bytes.length / 2);
    await writeFile(sandbox.file(file.path), bytes.subarray(0, at + 1));
    const result = await sandbox.build();
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.messages).toEqual([
      expect.stringMatching(new RegExp(`^${file.path.replace(/\./g, '\\.')}: (the front matter block is not closed|invalid YAML)`)),
    ]);
    expect(sandbox.snapshot()).toEqual(sandbox.good);
    expect(await sandbox.listTotal()).toBe(sandbox.artefact.entries.length);
    // Written again whole, it builds.
    await writeFile(sandbox.file(file.path), bytes);
    expect((await sandbox.build()).ok).toBe(true);
  });
});

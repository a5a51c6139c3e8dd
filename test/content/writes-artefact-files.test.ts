import { describe, expect, it, vi } from 'vitest';
import { listGroups } from '../../src/api/list-groups.ts';
import { groupsQuerySchema } from '../../src/schema/query.ts';
import { mkdtemp, readdir, readFile, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContent, listArtefact } from '../../src/content/write-artefact.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import type { Artefact } from '../../src/engine/artefact.ts';

const project = join(import.meta.dirname, '..', '..');

/** The shipped content built into a temporary folder, removed afterwards. */
async function withBuild(test: (root: string, out: string, built: Artefact) => Promise<void>) {
  const root = await mkdtemp(join(tmpdir(), 'sd-artefact-'));
  try {
    await cp(join(project, 'content'), join(root, 'content'), { recursive: true });
    const out = join(root, 'generated');
    const result = await buildContent(root, out);
    if (!result.ok) throw new Error(result.messages.join('\n'));
    await test(root, out, result.artefact);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the artefact files the functions read', () => {
  it('are pure ASCII JSON that reads back to exactly the built artefact, full and list', async () => {
    await withBuild(async (root, out, built) => {
      const names = await readdir(out);
      expect(names.filter((n) => n.endsWith('.jsonl')).length).toBe(2);
      for (const name of names.filter((n) => n.endsWith('.json') || n.endsWith('.jsonl'))) {
        const bytes = await readFile(join(out, name));
        expect(
          bytes.some((b) => b > 0x7f),
          name,
        ).toBe(false);
      }
      // Resolved the way a function does it: relative to its own module, two folders up. The
      // postings come back as the decoded array the built artefact's base64 stands for.
      const moduleUrl = pathToFileURL(join(root, 'netlify', 'functions', 'x.mjs')).href;
      const decoded = (a: Artefact): Artefact => ({ ...a, index: { ...a.index, postings: createDirectory(a).postings } });
      expect(readArtefact('directory.json', moduleUrl)).toEqual(decoded(built));
      expect(readArtefact('directory-list.json', moduleUrl)).toEqual(decoded(listArtefact(built)));
      expect(createDirectory(readArtefact('directory.json', moduleUrl)).postings.length).toBeGreaterThan(1000);
      expect(readArtefact('directory-list.json', moduleUrl).entries.find((e) => e.slug === 'cgt-spain')?.name).toBe('Confederación General del Trabajo');
    });
  });

  it('keep the entries as text until one is shown: a page parses its own entries, not all of them', async () => {
    await withBuild(async (root, _out, built) => {
      const moduleUrl = pathToFileURL(join(root, 'netlify', 'functions', 'y.mjs')).href;
      const artefact = readArtefact('directory-list.json', moduleUrl);
      const parsed = vi.spyOn(JSON, 'parse');
      const dir = createDirectory(artefact);
      const answer = listGroups(dir, groupsQuerySchema.parse({ per_page: '3', facets: ['country'] }), ['en'], 'https://d.example');
      expect(answer.ok && answer.body.data.length).toBe(3);
      expect(dir.findSlug('cgt-spain')).toBeGreaterThanOrEqual(0);
      // Three entries shown, a binary search for a slug (about log2 n), nothing else.
      expect(parsed.mock.calls.length).toBeLessThanOrEqual(3 + Math.ceil(Math.log2(dir.size)) + 1);
      parsed.mockRestore();
      expect(Object.getOwnPropertyDescriptor(artefact, 'entries')?.get, 'entries not all parsed yet').toBeTypeOf('function');
      // Asking for all of them parses the rest, once, and keeps the objects already handed out.
      const shown = dir.entry(0);
      const all = artefact.entries;
      expect(all).toHaveLength(dir.size);
      expect(all[0]).toBe(shown);
      expect(artefact.entries).toBe(all);
      expect(all).toEqual(listArtefact(built).entries);
    });
  });
});

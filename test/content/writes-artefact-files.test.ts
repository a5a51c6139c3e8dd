import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContent, listArtefact } from '../../src/content/write-artefact.ts';
import { readArtefact } from '../../src/runtime/read-artefact.ts';
import { createDirectory } from '../../src/engine/directory.ts';
import type { Artefact } from '../../src/engine/artefact.ts';

const project = join(import.meta.dirname, '..', '..');

describe('the artefact files the functions read', () => {
  it('are pure ASCII JSON that reads back to exactly the built artefact, full and list', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sd-artefact-'));
    try {
      await cp(join(project, 'content'), join(root, 'content'), { recursive: true });
      const out = join(root, 'generated');
      const built = await buildContent(root, out);
      if (!built.ok) throw new Error(built.messages.join('\n'));
      for (const name of ['directory.json', 'directory-list.json']) {
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
      expect(readArtefact('directory.json', moduleUrl)).toEqual(decoded(built.artefact));
      expect(readArtefact('directory-list.json', moduleUrl)).toEqual(decoded(listArtefact(built.artefact)));
      expect(createDirectory(readArtefact('directory.json', moduleUrl)).postings.length).toBeGreaterThan(1000);
      expect(readArtefact('directory-list.json', moduleUrl).entries.find((e) => e.slug === 'cgt-spain')?.name).toBe('Confederación General del Trabajo');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

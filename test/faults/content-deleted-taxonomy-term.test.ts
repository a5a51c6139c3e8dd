/**
 * A subject heading or a sector deleted while groups still use it (an editor tidying the
 * taxonomy, a bad merge): the build fails with one message for every use — each group file and
 * the position in its list — and the last good artefact stays, served whole by the API. Put back,
 * the content builds again.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAXONOMIES } from '../../src/schema/taxonomy.ts';
import { contentSandbox, type ContentSandbox } from '../support/content-sandbox.ts';

let sandbox: ContentSandbox;
beforeAll(async () => {
  sandbox = await contentSandbox();
});
afterAll(async () => sandbox?.close());

describe('a taxonomy term deleted while groups use it', () => {
  for (const taxonomy of TAXONOMIES) {
    it(`fails the build naming every use of the deleted ${taxonomy === 'subjects' ? 'subject' : 'sector'}, and keeps the last good artefact`, async () => {
      // The most used term, from the content itself.
      const uses = new Map<string, { slug: string; position: number }[]>();
      for (const entry of sandbox.artefact.entries)
        entry[taxonomy]?.forEach((term, position) => uses.set(term, [...(uses.get(term) ?? []), { slug: entry.slug, position }]));
      const [term, users] = [...uses].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]!;
      expect(users.length).toBeGreaterThan(0);

      const path = sandbox.file(`content/${taxonomy}/${term}.yml`);
      const saved = await readFile(path);
      await rm(path);
      const result = await sandbox.build();
      const what = taxonomy === 'subjects' ? 'subject heading' : 'sector';
      expect(result.ok ? [] : [...result.messages].sort()).toEqual(
        users
          .map(
            ({ slug, position }) =>
              `content/groups/${slug}.md → ${taxonomy}[${position}]: "${term}" is not a known ${what}; add content/${taxonomy}/${term}.yml or pick an existing one`,
          )
          .sort(),
      );
      expect(sandbox.snapshot()).toEqual(sandbox.good);
      expect(await sandbox.listTotal()).toBe(sandbox.artefact.entries.length);

      await writeFile(path, saved);
      expect((await sandbox.build()).ok).toBe(true);
      expect(sandbox.snapshot()).toEqual(sandbox.good);
    });
  }
});

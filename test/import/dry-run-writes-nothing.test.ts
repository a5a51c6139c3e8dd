import { describe, expect, it } from 'vitest';
import type { ImportIo } from '../../src/import/connexions/import-run.ts';
import { createNodeIo } from '../../src/import/connexions/node-io.ts';
import { formatReport } from '../../src/import/connexions/report.ts';
import { FIXTURES, importInto, snapshot, tempProject } from '../support/import-helpers.ts';

describe('a dry run', () => {
  it('writes nothing, not even through the writer', async () => {
    const root = await tempProject();
    const before = await snapshot(root);
    const io: ImportIo = {
      ...createNodeIo(FIXTURES),
      createFile: () => Promise.reject(new Error('a dry run must not create files')),
      replaceFile: () => Promise.reject(new Error('a dry run must not replace files')),
    };
    const report = await importInto(root, ['.'], { dryRun: true, io });
    expect(report.files.filter((f) => f.outcome === 'skipped')).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
  });

  it('reports exactly what a real run then does', async () => {
    const planned = await importInto(await tempProject(), ['.'], { dryRun: true });
    const done = await importInto(await tempProject(), ['.']);
    expect(planned.files).toEqual(done.files);
  });

  it('says what would change', async () => {
    const report = await importInto(await tempProject(), ['inverted-name.txt'], { dryRun: true });
    const printed = formatReport(report);
    expect(printed).toMatch(/^Connexions import \(dry run: nothing was written\)/);
    expect(printed).toContain('would be imported as content/groups/the-commune.md');
    expect(printed).toContain('+ sets name: "The Commune"');
    expect(printed).toContain('+ sets structure: "federation"');
  });
});

import { describe, expect, it } from 'vitest';
import { buildProblems, importInto, snapshot, tempProject } from '../support/import-helpers.ts';

describe('importing the same listings twice', () => {
  it('changes nothing the second time, even on a later day', async () => {
    const root = await tempProject();
    const first = await importInto(root, ['.']); // the whole fixtures folder
    expect(first.files.filter((f) => f.outcome === 'imported').length).toBeGreaterThanOrEqual(9);
    const afterFirst = await snapshot(root);

    const second = await importInto(root, ['.'], { clock: () => new Date(2027, 0, 15, 12) });

    expect(second.files.map((f) => f.outcome).filter((o) => o === 'imported' || o === 'merged')).toEqual([]);
    for (const f of first.files.filter((f) => f.outcome === 'imported')) {
      expect(
        second.files.find((s) => s.file === f.file),
        f.file,
      ).toMatchObject({ outcome: 'unchanged', target: f.target, conflicts: [] });
    }
    expect(await snapshot(root)).toEqual(afterFirst);
    expect(await buildProblems(root)).toEqual([]);
  });
});

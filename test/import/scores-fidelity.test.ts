/**
 * The fidelity corpus: one fixture for every listing shape seen on real Connexions listings
 * (test/fixtures/connexions/README.md), each with the entry a careful editor would make of it in
 * expected.json, scored field by field. Every field of every listing must come out right; on a
 * miss the table names each wrong field, so a regression shows where the importer went astray.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importInto, tempProject } from '../support/import-helpers.ts';

interface Expected {
  outcome: string;
  fields?: Record<string, unknown>;
}
const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;
const files = [...new Set(Object.keys(EXPECTED).map((k) => k.replace(/#\d+$/, '')))];

describe('the fidelity corpus', () => {
  it(`gets every field of ${Object.keys(EXPECTED).length} listings right`, async () => {
    const root = await tempProject();
    const report = await importInto(root, files, { dryRun: true });
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    for (const f of report.files) {
      const key = `${f.file}${f.listing ? `#${f.listing}` : ''}`;
      const expected = EXPECTED[key];
      expect(expected, `${key} has no expected entry`).toBeDefined();
      total += 1;
      if (f.outcome === expected!.outcome) right += 1;
      else misses.push(`${key}: outcome ${f.outcome}, expected ${expected!.outcome}`);
      const got = Object.fromEntries(f.changes.map((c) => [c.field, c.value]));
      for (const [field, value] of Object.entries(expected!.fields ?? {})) {
        total += 1;
        if (JSON.stringify(got[field]) === JSON.stringify(value)) right += 1;
        else misses.push(`${key} → ${field}: got ${JSON.stringify(got[field])?.slice(0, 120)}, expected ${JSON.stringify(value).slice(0, 120)}`);
      }
    }
    expect(report.files.length).toBe(Object.keys(EXPECTED).length);
    expect(misses, `${right} of ${total} fields right`).toEqual([]);
    expect(right).toBe(total);
  });
});

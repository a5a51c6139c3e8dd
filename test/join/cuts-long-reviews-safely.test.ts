/**
 * GitHub refuses pull request bodies over 65,536 characters, so a long review text is shortened.
 * Before the fix it was cut at character 60,000 wherever that fell — inside a fenced block or a
 * code span, after which the rest of the applicant's text rendered as live Markdown (mentions,
 * images). Now it is cut between whole parts only.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord, DuplicateMatch } from '../../src/join/store/application-store.ts';
import { buildEntry } from '../../src/join/intake/build-entry.ts';
import { reviewText } from '../../src/join/delivery/review-text.ts';

const reference = '7KQ2-M9X4-T1B8-C3D5';
const hostile = '@everyone ![x](https://tracker.example/p.png) <img src=x> ';

describe('a review text too long for GitHub', () => {
  it('is shortened between whole parts, leaving every applicant value inside its code span or block', () => {
    const purpose = Object.fromEntries(['en', 'fr', 'es', 'pt', 'it', 'de'].map((l) => [l, `${hostile.repeat(300)}\nend ${l}`]));
    const entry = buildEntry({ name: `Syndicat ${hostile}`, summary: { en: hostile }, purpose } as never, reference, new Date('2026-03-01T00:00:00Z'));
    const duplicates: DuplicateMatch[] = Array.from({ length: 120 }, (_, i) => ({
      field: 'name',
      value: `${hostile.repeat(6)}${i}`,
      kind: 'entry',
      slug: `entry-${i}`,
      name: hostile.repeat(6),
    }));
    const record = { reference, received_at: '2026-03-01T00:00:00.000Z', possible_duplicates: duplicates, has_message: true } as ApplicationRecord;
    for (const cut of [0, 17, 45]) {
      const body = reviewText({ ...record, possible_duplicates: duplicates.slice(cut) }, entry, { path: 'content/groups/x.md' });
      expect(body.length, `cut ${cut}`).toBeLessThanOrEqual(65_536);

      expect(body).toContain('(shortened; the whole entry is in `content/groups/x.md`)');
      expect(body).toContain(`npm run join:contacts -- ${reference}`);
      // Outside fenced blocks, every line holding applicant text closes the code span it opened.
      let fence: string | undefined;
      for (const line of body.split('\n')) {
        const opens = /^(`{3,})/.exec(line)?.[1];
        if (fence) {
          if (line === fence) fence = undefined;
          continue;
        }
        if (opens) {
          fence = opens;
          continue;
        }
        if (line.includes('@everyone')) expect(line, line.slice(0, 80)).toMatch(/`$|`\s*\([^)]*\)$|received [0-9-]+\)$/);
      }
      expect(fence, 'a fenced block left open').toBeUndefined();
    }
  });
});

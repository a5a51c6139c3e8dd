/**
 * src/map/world-shapes.ts is committed so that functions need no geographic packages; this test
 * fails when it is not exactly what `npm run build:map` writes from the installed world-atlas,
 * d3-geo and i18n-iso-countries (an edited file, or upgraded packages not regenerated).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORLD_SHAPES_PATH, compactPath, worldShapesModule } from '../../scripts/build-map.ts';

describe('src/map/world-shapes.ts', () => {
  it('is what npm run build:map writes', () => {
    expect(readFileSync(WORLD_SHAPES_PATH, 'utf8') === worldShapesModule(), 'run `npm run build:map` and commit the result').toBe(true);
  });
});

describe('compact path data', () => {
  it('draws the same corners as d3’s absolute path, in tenths', () => {
    const d = 'M10,20.5L12.3,20.5L12.3,25L10,25Z M100,100L101,100L101,101Z';
    const compact = compactPath(d);
    expect(compact).toBe('M10 20.5l2.3 0 0 4.5-2.3 0zM100 100l1 0 0 1z');
    // Walk the relative moves back to absolute corners.
    const corners = [...compact.matchAll(/M([^l]+)l([^z]+)z/g)].map(([, move, steps]) => {
      const nums = (s: string) => s.match(/-?\d*\.?\d+/g)!.map(Number);
      let [x, y] = nums(move!) as [number, number];
      const out = [[x, y]];
      const ds = nums(steps!);
      for (let i = 0; i < ds.length; i += 2) out.push([(x = Math.round((x + ds[i]!) * 10) / 10), (y = Math.round((y + ds[i + 1]!) * 10) / 10)]);
      return out;
    });
    expect(corners).toEqual([
      [
        [10, 20.5],
        [12.3, 20.5],
        [12.3, 25],
        [10, 25],
      ],
      [
        [100, 100],
        [101, 100],
        [101, 101],
      ],
    ]);
  });
});

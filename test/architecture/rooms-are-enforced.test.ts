/**
 * The rooms of the code (architecture.json), the rules dependency-cruiser enforces from them
 * (.dependency-cruiser.cjs, run by `npm test` as `npm run deps`), the folders on disk and the table
 * in ARCHITECTURE.md say the same thing, and the rules do fail on a back-edge and on a cycle.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/project-root.ts';

interface Room {
  path: string;
  job: string;
  mayImport: string[];
}
const { rooms } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'architecture.json'), 'utf8')) as { rooms: Record<string, Room> };
const require = createRequire(import.meta.url);
const config = require(join(PROJECT_ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };

describe('the rooms', () => {
  it('form a graph without cycles, naming only rooms', () => {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (name: string, trail: string[]) => {
      expect(rooms[name], `${trail.join(' → ')} names an unknown room`).toBeDefined();
      if (state.get(name) === 'done') return;
      expect(state.get(name), `cycle: ${[...trail, name].join(' → ')}`).not.toBe('open');
      state.set(name, 'open');
      for (const next of rooms[name]!.mayImport) visit(next, [...trail, name]);
      state.set(name, 'done');
    };
    for (const name of Object.keys(rooms)) visit(name, []);
  });

  it('are the folders under src/, each on disk', () => {
    const folders = readdirSync(join(PROJECT_ROOT, 'src')).filter((f) => statSync(join(PROJECT_ROOT, 'src', f)).isDirectory());
    const declared = Object.values(rooms)
      .map((r) => r.path)
      .filter((p) => p.startsWith('src/'))
      .map((p) => p.slice(4));
    expect(folders.sort()).toEqual(declared.sort());
    for (const room of Object.values(rooms)) expect(statSync(join(PROJECT_ROOT, room.path)).isDirectory()).toBe(true);
  });

  it('are the table in ARCHITECTURE.md, row for row', async () => {
    const text = await readFile(join(PROJECT_ROOT, 'ARCHITECTURE.md'), 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      const path = /^`([^`]+)`$/.exec(cells[2] ?? '')?.[1];
      if (!path || cells.length < 5) continue;
      const deps = (cells[3] ?? '')
        .replace(/—|nothing/g, '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      rows.set(path, deps.sort());
    }
    const expected = new Map(Object.values(rooms).map((r) => [r.path, r.mayImport.map((m) => rooms[m]!.path.replace(/^src\//, '')).sort()]));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(expected));
  });
});

describe('the dependency rules', () => {
  async function violations(files: Record<string, string>): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'rooms-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const result = await cruise(['src'], { validate: true, ruleSet: { forbidden: config.forbidden } as never, baseDir: dir, tsPreCompilationDeps: true });
        const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
        return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
      } finally {
        process.chdir(cwd);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('refuse a back-edge: the schema importing the engine', async () => {
    const found = await violations({
      'src/schema/a.ts': "import { b } from '../engine/b.ts';\nexport const a = b;\n",
      'src/engine/b.ts': 'export const b = 1;\n',
    });
    expect(found).toContain('room-schema: src/schema/a.ts → src/engine/b.ts');
  });

  it('refuse a cycle, even inside one room', async () => {
    const found = await violations({
      'src/engine/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/engine/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    });
    expect(found.some((v) => v.startsWith('no-cycle:'))).toBe(true);
  });

  it('let the engine import the schema', async () => {
    expect(
      await violations({ 'src/engine/b.ts': "import { a } from '../schema/a.ts';\nexport const b = a;\n", 'src/schema/a.ts': 'export const a = 1;\n' }),
    ).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadContent } from '../../src/content/load-content.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';

const run = promisify(execFile);
const project = join(import.meta.dirname, '..', '..');
let root: string;

const good = (slug: string, extra = '') => `---
en:
  slug: ${slug}
  name: Test ${slug}
  summary: A test group.
  network_relation: member
  created: 2024-01-01
  updated: 2024-01-01
${extra}---
`;

const BROKEN: Record<string, string> = {
  'unknown-subject.md': good('unknown-subject', '  subjects:\n    - labour-rights\n    - astrology\n'),
  'bad-country.md': good('bad-country', '  countries:\n    - FR\n    - XX\n'),
  'bad-language.md': good('bad-language', '  languages:\n    - fr\n    - french\n'),
  'wrong-name.md': good('another-slug'),
  'dup-a.md': good('dup-a'),
  'dup-b.md': good('dup-a'),
  'broken-yaml.md': '---\nen:\n  slug: broken-yaml\n  name: [unclosed\n---\n',
  'no-front-matter.md': '# Just Markdown\n',
  'missing-fields.md': '---\nen:\n  slug: missing-fields\n---\n',
  'bad-values.md': good('bad-values', '  website: javascript:alert(1)\n  founded: 3020\n  geographic_scope: galactic\n  email: not-an-email\n  colour: red\n'),
  'long-summary.md': good('long-summary').replace('summary: A test group.', `summary: ${'x'.repeat(301)}`),
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sd-content-'));
  await cp(join(project, 'content'), join(root, 'content'), { recursive: true });
  await mkdir(join(root, 'content', 'groups'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('content validation', () => {
  it('lists every problem in every file as `file → field: message`, not only the first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sd-broken-'));
    await cp(join(project, 'content', 'subjects'), join(dir, 'content', 'subjects'), { recursive: true });
    await cp(join(project, 'content', 'sectors'), join(dir, 'content', 'sectors'), { recursive: true });
    await mkdir(join(dir, 'content', 'groups'));
    for (const [name, text] of Object.entries(BROKEN)) await writeFile(join(dir, 'content', 'groups', name), text);
    const result = validateContent(await loadContent(dir));
    await rm(dir, { recursive: true, force: true });
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        'content/groups/unknown-subject.md → subjects[1]: "astrology" is not a known subject heading; add content/subjects/astrology.yml or pick an existing one',
        'content/groups/bad-country.md → countries[1]: "XX" is not an ISO 3166-1 alpha-2 country code',
        'content/groups/bad-language.md → languages[1]: "french" is not an ISO 639-1 language code',
        'content/groups/wrong-name.md → slug: "another-slug" does not match the file name; rename the file to another-slug.md or change the slug to "wrong-name"',
        'content/groups/dup-b.md → slug: "dup-a" is already used by content/groups/dup-a.md',
        'content/groups/broken-yaml.md: invalid YAML on line 5: Flow sequence in block collection must be sufficiently indented and end with a ]',
        'content/groups/no-front-matter.md: the file must start with a front matter block opened by "---"',
        'content/groups/missing-fields.md → summary: give the summary in at least one language',
        'content/groups/missing-fields.md → name: is required',
        'content/groups/missing-fields.md → network_relation: is required',
        'content/groups/missing-fields.md → created: is required',
        'content/groups/bad-values.md → website: must be a web address starting with http:// or https://',
        'content/groups/bad-values.md → founded: must be a year, not a date',
        'content/groups/bad-values.md → email: must be an email address',
        'content/groups/long-summary.md → summary.en: must be at most 300 characters',
      ]),
    );
    expect(messages).toContain('content/groups/bad-values.md → geographic_scope: must be one of: international, national, regional, local');
    expect(messages).toContain('content/groups/bad-values.md → colour: unknown field; check its spelling or remove it');
    expect(new Set(messages.map((m) => m.split(/ → |: /)[0])).size).toBe(Object.keys(BROKEN).length - 1); // every broken file but dup-a
  });

  it('fails the build with every message and keeps the last good artefact', async () => {
    const out = join(root, 'generated');
    const env = { ...process.env, CONTENT_ROOT: root, ARTEFACT_DIR: out };
    const tsx = join(project, 'node_modules', '.bin', 'tsx');
    await run(tsx, [join(project, 'scripts', 'build-content.ts')], { env });
    const good = await readFile(join(out, 'directory.mjs'), 'utf8');
    await writeFile(join(root, 'content', 'groups', 'bad-country.md'), BROKEN['bad-country.md']!);
    await writeFile(join(root, 'content', 'groups', 'unknown-subject.md'), BROKEN['unknown-subject.md']!);
    const failed = await run(tsx, [join(project, 'scripts', 'build-content.ts')], { env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('2 problem(s). The previous artefact was kept.');
    expect(failed?.stderr).toContain('content/groups/bad-country.md → countries[1]');
    expect(failed?.stderr).toContain('content/groups/unknown-subject.md → subjects[1]');
    expect(await readFile(join(out, 'directory.mjs'), 'utf8')).toBe(good);
  });
});

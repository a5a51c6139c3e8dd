/**
 * Adding a language is one catalogue file plus one line in src/i18n/catalogue/index.ts. This test
 * does exactly that to a copy of the code — a fake Esperanto (`eo`) whose every text is the English
 * one marked "⟪eo⟫" — and shows the typecheck accepting it (and refusing a catalogue missing an
 * id), then the site, its switcher, hreflang, sitemap, the language picker and the
 * widget's texts taking it up with nothing else changed.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/catalogue/en.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
let copy: string;

/** Every text marked, its placeholders kept: a stand-in for a translator's work. */
function pseudo(value: unknown): unknown {
  if (typeof value === 'string') return `⟪eo⟫ ${value}`;
  return Object.fromEntries(Object.entries(value as Record<string, string>).map(([k, v]) => [k, `⟪eo⟫ ${v}`]));
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'sd-eo-'));
  await cp(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
  await cp(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const catalogue = Object.fromEntries(Object.entries(en).map(([id, text]) => [id, pseudo(text)]));
  catalogue['language.name'] = 'Esperanto';
  // The one file…
  await writeFile(
    join(copy, 'src/i18n/catalogue/eo.ts'),
    `import type { Catalogue } from '../types.ts';\n\nconst eo: Catalogue = ${JSON.stringify(catalogue, null, 2)};\n\nexport default eo;\n`,
  );
  // …and the one line.
  await appendFile(join(copy, 'src/i18n/catalogue/index.ts'), `export { default as eo } from './eo.ts';\n`);
  // A catalogue that forgot an id, which the typecheck must refuse.
  const { 'site.name': _forgotten, ...incomplete } = catalogue;
  await writeFile(
    join(copy, 'src/i18n/catalogue/incomplete.ts'),
    `import type { Catalogue } from '../types.ts';\n\nexport const incomplete: Catalogue = ${JSON.stringify(incomplete)};\n`,
  );
  await writeFile(join(copy, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(await readFile(join(ROOT, 'tsconfig.json'), 'utf8')), include: ['src'] }));
}, 60_000);

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('a seventh language', () => {
  it('typechecks as one file plus one line, and a catalogue missing an id does not', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', copy], { cwd: copy }).then(
      () => ({ out: '' }),
      (error: { stdout: string }) => ({ out: error.stdout }),
    );
    const errors = result.out.split('\n').filter((l) => l.includes('error TS'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.startsWith('src/i18n/catalogue/incomplete.ts'))).toBe(true);
    expect(result.out).toContain("'site.name'");
  }, 240_000);

  it('is spoken by the site, its switcher and sitemap, the picker and the widget, nothing else changed', async () => {
    const load = <T>(path: string) => import(pathToFileURL(join(copy, path)).href) as Promise<T>;
    const i18n = await load<typeof import('../../src/i18n/index.ts')>('src/i18n/index.ts');
    const listing = await load<typeof import('../../src/site/listing-page.ts')>('src/site/listing-page.ts');
    const sitemap = await load<typeof import('../../src/site/sitemap.ts')>('src/site/sitemap.ts');
    const widget = await load<typeof import('../../src/i18n/widget-messages.ts')>('src/i18n/widget-messages.ts');
    const paths = await load<typeof import('../../src/site/paths.ts')>('src/site/paths.ts');

    expect(i18n.LOCALES).toContain('eo');
    expect(i18n.pickLocale({ acceptLanguage: 'eo, en;q=0.5' })).toBe('eo');
    expect(paths.localeOfPath('/eo/groups')).toBe('eo');

    const dir = fixtureDirectory();
    const page = listing.renderListing(dir, 'eo' as never, new URLSearchParams('country=FR'), { baseUrl: 'https://d.example' }).body;
    expect(page).toContain('<html lang="eo">');
    expect(page).toContain('⟪eo⟫ Find a union');
    expect(page).toContain('<link rel="alternate" hreflang="eo" href="https://d.example/eo/groups?country=FR">');
    const english = listing.renderListing(dir, 'en', new URLSearchParams(), { baseUrl: 'https://d.example', home: true }).body;
    expect(english).toContain('hreflang="eo" lang="eo">Esperanto</a>');
    expect(sitemap.sitemapXml(dir, 'https://d.example')).toContain('<loc>https://d.example/eo/groups/solidaires/</loc>');
    expect((widget.widgetMessages() as Record<string, Record<string, unknown>>).eo!.searchButton).toBe('⟪eo⟫ Search');
  }, 60_000);
});

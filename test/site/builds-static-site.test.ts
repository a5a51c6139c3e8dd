import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import artefact from '../../generated/directory.mjs';
import { buildSite, PROJECT_ROOT } from '../../src/site/build-site.ts';
import { SITE_LOCALES } from '../../src/schema/locales.ts';
import { siteBaseUrl } from '../../src/site/site-config.ts';
import { PER_PAGE_DEFAULT } from '../../src/schema/query.ts';

const BASE = 'https://directory.example.org';
let out: string;
let files: string[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'site-build-'));
  await mkdir(join(out, 'admin'), { recursive: true });
  await writeFile(join(out, 'admin/index.html'), 'the CMS build owns this');
  await mkdir(join(out, 'groups/removed-group'), { recursive: true });
  await writeFile(join(out, 'groups/removed-group/index.html'), 'stale');
  ({ files } = await buildSite(artefact, out, BASE));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(out, path), 'utf8');

describe('npm run build:site', () => {
  it('writes the home page and every entry in every site language', () => {
    for (const locale of SITE_LOCALES) {
      const prefix = locale === 'en' ? '' : `${locale}/`;
      expect(files).toContain(`${prefix}index.html`);
      for (const e of artefact.entries) expect(files).toContain(`${prefix}groups/${e.slug}/index.html`);
    }
    for (const f of ['404.html', 'widget.js', 'widget-example.html', 'assets/site.css']) expect(files).toContain(f);
  });

  it('replaces only its own paths: stale entries go, the CMS build stays', async () => {
    expect(existsSync(join(out, 'groups/removed-group'))).toBe(false);
    expect(await read('admin/index.html')).toBe('the CMS build owns this');
  });

  it('prebuilds / as the unfiltered first page, whose form and pages lead to the server-rendered /groups', async () => {
    const home = await read('index.html');
    expect(home).toContain(`<link rel="canonical" href="${BASE}/">`);
    expect(home).toContain('action="/groups"');
    expect(home).toContain(`${artefact.entries.length} groups, page 1 of ${Math.ceil(artefact.entries.length / PER_PAGE_DEFAULT)}`);
    expect(home).toContain('href="/groups?page=2"');
    expect(home).toContain('<a href="/join">');
    const fr = await read('fr/index.html');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('action="/fr/groups"');
    expect(fr).toContain('<a href="/fr/join">');
  });

  it('gives entry pages absolute JSON-LD ids on the configured site address', async () => {
    const page = await read('groups/cub/index.html');
    expect(page).toContain(`"@id":"${BASE}/groups/cub/#organization"`);
    expect(page).toContain(`"memberOf":{"@type":"Organization","@id":"${BASE}/groups/ilnss/#organization"`);
  });

  it('documents at the top of site.css every class the pages use, and styles it', async () => {
    const css = await read('assets/site.css');
    const header = css.slice(0, css.indexOf('*/'));
    const rules = css.slice(css.indexOf('*/'));
    const used = new Set<string>();
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      for (const m of (await read(f)).matchAll(/class="([^"]+)"/g)) for (const c of m[1]!.split(/\s+/)) used.add(c);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const c of used) {
      expect(header, `.${c} is not documented in site.css`).toMatch(new RegExp(`\\.${c}(?![\\w-])`));
      expect(rules, `.${c} has no rule in site.css`).toMatch(new RegExp(`\\.${c}(?![\\w-])`));
    }
  });

  it('ships the same stylesheet as public/site.css', async () => {
    expect(await read('assets/site.css')).toBe(await readFile(join(PROJECT_ROOT, 'public/site.css'), 'utf8'));
  });
});

describe('the site address', () => {
  it('prefers SITE_URL, then Netlify’s URL, then the local address', () => {
    expect(siteBaseUrl({ SITE_URL: 'https://a.example/', URL: 'https://b.example' })).toEqual({ url: 'https://a.example', source: 'SITE_URL' });
    expect(siteBaseUrl({ URL: 'https://b.example' })).toEqual({ url: 'https://b.example', source: 'URL' });
    expect(siteBaseUrl({})).toEqual({ url: 'http://localhost:8888', source: 'default' });
  });

  it('fails loudly, naming the setting, for a value that is not an address', () => {
    expect(() => siteBaseUrl({ SITE_URL: 'directory.example.org' })).toThrow(/^SITE_URL must be an absolute/);
    expect(() => siteBaseUrl({ URL: 'ftp://x.example' })).toThrow(/^URL must start with https:\/\//);
  });
});

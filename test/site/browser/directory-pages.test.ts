/**
 * The public directory in Chromium against the `npm start` stack: search, filter, paginate, open
 * an entry, share a URL, by mouse and by keyboard, with and without JavaScript; axe on every page
 * type; the exports parse and round-trip against the JSON API.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { murmurationsProfileSchema } from '../../../src/export/murmurations.ts';
import { entrySchema } from '../../../src/schema/entry.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { csvRecords } from '../../support/parse-csv.ts';
import { launchChromium, PROJECT_ROOT, screenshot, seriousViolations } from '../../support/site-browser.ts';

/** The stack builds the whole site first; on a busy 2-core machine that can take minutes. */
const STACK_TIMEOUT_MS = 240_000;

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT, timeoutMs: STACK_TIMEOUT_MS }), launchChromium()]);
}, STACK_TIMEOUT_MS + 30_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `directory-${ctx.task.name}`);
  await context.close();
});

const resultNames = (p: Page) => p.locator('ol.results > li h3 a').allTextContents();
const countText = (p: Page) => p.locator('.result-count').textContent();

async function apiTotal(query: string): Promise<number> {
  const body = (await (await fetch(`${stack.url}/api/v1/groups?${query}`)).json()) as { meta: { total: number } };
  return body.meta.total;
}

describe('the directory in a browser', () => {
  it('searches, filters, paginates and opens an entry', async () => {
    await page.goto(`${stack.url}/`);
    const total = await apiTotal('');
    expect(await countText(page)).toBe(`${total} groups, page 1 of ${Math.ceil(total / 20)}`);

    await page.getByLabel('Search', { exact: true }).fill('cobas');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/groups\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('cobas');
    const found = await resultNames(page);
    expect(found).toContain('COBAS scuola Sardegna');
    expect(found).toHaveLength(await apiTotal('q=cobas'));

    await page.goto(`${stack.url}/`);
    await page.getByLabel(/^Italy \(\d+\)$/).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/country=IT/);
    const italian = await apiTotal('country=IT');
    expect(await resultNames(page)).toHaveLength(italian);
    expect(await page.getByLabel(/^Italy \(\d+\)$/).isChecked()).toBe(true);
    expect(await page.locator('.meta').allTextContents()).toSatisfy((metas: string[]) => metas.every((m) => m.includes('Italy')));

    await page.goto(`${stack.url}/`);
    const firstPage = await resultNames(page);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(/page=2/);
    expect(await countText(page)).toMatch(new RegExp(`page 2 of ${Math.ceil(total / 20)}$`));
    const secondPage = await resultNames(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);

    await page.getByRole('link', { name: secondPage[0]! }).click();
    await page.waitForURL(/\/groups\/[a-z0-9-]+\/$/);
    expect(await page.locator('h1').textContent()).toContain(secondPage[0]!);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
    expect(['WorkersUnion', 'Organization']).toContain(ld['@type']);
    expect(ld.name).toBe(secondPage[0]);
  });

  it('shares a filtered view: the same URL opens the same view in a fresh browser', async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel(/^Brazil \(\d+\)$/).check();
    await page.getByLabel(/^Founding member \(\d+\)$/).check();
    await page.getByLabel('Sort by').selectOption('-name');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/country=BR/);
    const shared = page.url();
    const names = await resultNames(page);
    expect(names.length).toBeGreaterThan(0);

    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(shared);
    expect(await resultNames(fresh)).toEqual(names);
    expect(await fresh.getByLabel(/^Brazil \(\d+\)$/).isChecked()).toBe(true);
    expect(await fresh.getByLabel(/^Founding member \(\d+\)$/).isChecked()).toBe(true);
    expect(await fresh.getByLabel('Sort by').inputValue()).toBe('-name');
    await other.close();
  });

  it('works by keyboard alone', async () => {
    await page.goto(`${stack.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab to the search field, type, submit with Enter.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'q'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('solidar');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=solidar/);
    // Tab to a country checkbox, tick it with Space, and apply with Enter on the button.
    for (let i = 0; i < 80 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'country')); i++)
      await page.keyboard.press('Tab');
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('Space');
    await page.locator('button', { hasText: 'Apply filters' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`country=${value}`));
    expect(new URL(page.url()).searchParams.get('q')).toBe('solidar');
    // Follow the first result with Enter.
    await page.locator('ol.results > li h3 a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/groups\/[a-z0-9-]+\/$/);
  });

  it('works without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${stack.url}/fr/`);
    await p.getByLabel(/^Italie \(\d+\)$/).check();
    await p.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await p.waitForURL(/\/fr\/groups\?.*country=IT/);
    expect(await resultNames(p)).toHaveLength(await apiTotal('country=IT'));
    await p.getByRole('link', { name: 'English' }).click();
    await p.waitForURL(/^[^?]*\/groups\?.*country=IT/);
    expect(await p.locator('html').getAttribute('lang')).toBe('en');
    expect(await p.getByLabel(/^Italy \(\d+\)$/).isChecked()).toBe(true);
    await noJs.close();
  });
});

describe('accessibility: no serious or critical axe violations', () => {
  const pages = [
    '/',
    '/fr/',
    '/groups?country=IT&q=co&page=1',
    '/fr/groups?subject=labour-rights&page=2',
    '/groups?country=XX',
    '/groups/ilnss/',
    '/fr/groups/cub/',
    '/groups/does-not-exist/',
    '/widget-example.html',
  ];
  for (const path of pages) {
    it(path, async () => {
      await page.goto(`${stack.url}${path}`);
      if (path.startsWith('/widget-example')) await page.locator('solidarity-directory').first().locator('li').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

describe('the exports, fetched from the running site', () => {
  it('CSV and NDJSON hold what the API lists, and every NDJSON line is a valid entry', async () => {
    const query = 'country=IT,BR&sort=-name';
    const api = (await (await fetch(`${stack.url}/api/v1/groups?${query}&per_page=100`)).json()) as { data: { slug: string }[] };
    const slugs = api.data.map((g) => g.slug);
    const csv = csvRecords(await (await fetch(`${stack.url}/api/v1/groups.csv?${query}`)).text());
    expect(csv.map((r) => r.slug)).toEqual(slugs);
    const lines = (await (await fetch(`${stack.url}/api/v1/groups.ndjson?${query}`)).text()).split('\n').filter(Boolean);
    const entries = lines.map((l) => entrySchema.parse(JSON.parse(l)));
    expect(entries.map((e) => e.slug)).toEqual(slugs);
    for (const e of entries) {
      const row = csv.find((r) => r.slug === e.slug)!;
      expect(row.name).toBe(e.name);
      expect(row.countries?.split('; ')).toEqual(e.countries);
      expect(row.summary_en).toBe(e.summary.en ?? '');
    }
  });

  it('the Atom feed parses in the browser, newest first', async () => {
    await page.goto(`${stack.url}/`);
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('/api/v1/groups.atom?country=FR')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        entries: [...doc.querySelectorAll('entry')].map((e) => ({
          title: e.querySelector('title')?.textContent,
          published: e.querySelector('published')?.textContent,
        })),
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entries.length).toBe(await apiTotal('country=FR'));
    const dates = feed.entries.map((e) => e.published!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('each entry links its Murmurations profile, which the field definitions accept', async () => {
    await page.goto(`${stack.url}/groups/cub/`);
    await page.getByRole('link', { name: 'Murmurations profile' }).click();
    const profile = murmurationsProfileSchema.parse(JSON.parse(await page.locator('body').innerText()));
    expect(profile).toMatchObject({ name: 'Confederazione Unitaria di Base', country_iso_3166: 'IT', primary_url: 'https://cub.it/' });
  });
});

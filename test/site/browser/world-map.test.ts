/**
 * The world map in Chromium against the `npm start` stack: reached and used by keyboard (each
 * country's name and count), a click filters the listing, it works without JavaScript, axe finds
 * nothing serious, the grey world loads; and the widget's `map` on a partner's page on another
 * origin loads its map file and filters itself. A failing test leaves a screenshot in test-results/.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countryName } from '../../../src/schema/codes.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { launchChromium, PROJECT_ROOT, screenshot, seriousViolations } from '../../support/site-browser.ts';

const STACK_TIMEOUT_MS = 240_000;

let stack: Stack;
let browser: Browser;
let partner: Server;
let partnerUrl: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT, timeoutMs: STACK_TIMEOUT_MS }), launchChromium()]);
  partner = createServer((req, res) => {
    const body = req.url === '/' ? partnerPage(stack.url) : undefined;
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
}, STACK_TIMEOUT_MS + 30_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => partner?.close(resolve));
  await stack?.stop();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `map-${ctx.task.name}`);
  await context.close();
});

function partnerPage(site: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Partner — map</title><script src="${site}/widget.js" defer></script></head>
<body><main><h1>Where our allies are</h1>
<solidarity-directory id="mapped" map per-page="3" heading="Unions on the map"></solidarity-directory>
</main></body>
</html>`;
}

interface Facets {
  meta: { total: number };
  facets: { country: { value: string; count: number; label: string }[] };
}
async function countryCounts(query = ''): Promise<Map<string, number>> {
  const body = (await (await fetch(`${stack.url}/api/v1/groups?facets=country${query ? `&${query}` : ''}`)).json()) as Facets;
  return new Map(body.facets.country.filter((b) => b.count > 0).map((b) => [b.value, b.count]));
}
const groups = (n: number) => (n === 1 ? '1 group' : `${n} groups`);
const mapLinks = (p: Page) => p.locator('svg.map a.map-country');

describe('the map on the directory’s pages', () => {
  it('shows every country with groups, named with its count, and the grey world under it', async () => {
    const counts = await countryCounts();
    const grey = page.waitForResponse((r) => r.url().endsWith('/assets/world-map.svg'));
    await page.goto(`${stack.url}/`);
    expect((await grey).status()).toBe(200);
    expect((await grey).headers()['content-type']).toContain('image/svg+xml');
    const names = await mapLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
    expect(names.sort()).toEqual([...counts].map(([code, n]) => `${countryName(code, 'en')}: ${groups(n)}`).sort());
    const map = page.getByRole('group', { name: 'World map of the groups by country' });
    expect(await map.getAttribute('aria-describedby')).toBe('map-desc');
    // The shaded countries are drawn (not zero-sized) and the image has loaded.
    const italy = page.getByRole('link', { name: `${countryName('IT', 'en')}: ${groups(counts.get('IT')!)}` });
    const box = await italy.boundingBox();
    expect(box!.width).toBeGreaterThan(5);
    expect(await page.locator('svg.map image').evaluate((img) => (img as SVGImageElement).getBBox().width)).toBeGreaterThan(100);
    await page.locator('.world-map').screenshot({ path: `${PROJECT_ROOT}/test-results/map-home.png` });
  });

  it('filters the listing when a country is clicked, keeping the search', async () => {
    await page.goto(`${stack.url}/groups?subject=labour-rights`);
    const counts = await countryCounts('subject=labour-rights');
    const [code, n] = [...counts].find(([c]) => c === 'BR') ?? [...counts][0]!;
    await page.getByRole('link', { name: `${countryName(code, 'en')}: ${groups(n)}` }).click();
    await page.waitForURL(new RegExp(`country=${code}`));
    const url = new URL(page.url());
    expect(url.searchParams.get('subject')).toBe('labour-rights');
    expect(await page.locator('ol.results > li').count()).toBe(n);
    // The chosen country says so, and keeps its count (counted without its own filter).
    expect(await page.getByRole('link', { name: `${countryName(code, 'en')}: ${groups(n)} (chosen)` }).getAttribute('aria-current')).toBe('true');
  });

  it('is reached and used by keyboard: every country by Tab with its name and count, Enter follows it', async () => {
    const counts = await countryCounts();
    await page.goto(`${stack.url}/`);
    await page.locator('#q').focus();
    const heard: string[] = [];
    for (let i = 0; i < 60 && heard.length < counts.size; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('svg.map') ? el.getAttribute('aria-label') : null;
      });
      if (focused) heard.push(focused);
    }
    expect([...heard].sort()).toEqual([...counts].map(([code, n]) => `${countryName(code, 'en')}: ${groups(n)}`).sort());
    // The focused country is outlined in the focus colour.
    const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.map-shape')!).stroke);
    expect(stroke).toBe('rgb(26, 95, 208)');
    const last = heard.at(-1)!;
    await page.keyboard.press('Enter');
    await page.waitForURL(/country=[A-Z]{2}/);
    expect(await page.getByRole('link', { name: `${last} (chosen)` }).count()).toBe(1);
  });

  it('lets keyboard users skip the map', async () => {
    await page.goto(`${stack.url}/`);
    await page.locator('#q').focus();
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Skip the map'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip the map');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('svg.map'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.className)).not.toBe('world-map');
  });

  it('works without JavaScript, in French', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    try {
      await p.goto(`${stack.url}/fr/`);
      const counts = await countryCounts();
      const n = counts.get('IT')!;
      await p.getByRole('link', { name: `${countryName('IT', 'fr')} : ${n <= 1 ? `${n} groupe` : `${n} groupes`}` }).click();
      await p.waitForURL(/\/fr\/groups\?country=IT$/);
      expect(await p.locator('ol.results > li').count()).toBe(n);
      // The table has the same figures.
      await p.getByText('Les mêmes chiffres en tableau').click();
      const rows = await p
        .locator('.map-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.querySelector('td')!.textContent)]));
      expect(rows).toEqual(expect.arrayContaining([[countryName('IT', 'fr'), n]]));
      expect(rows).toHaveLength(counts.size);
    } finally {
      await noJs.close();
    }
  });

  it('has no serious or critical axe violations, the table open', async () => {
    for (const path of ['/groups?country=IT&subject=labour-rights', '/fr/']) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('.map-table summary').click();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});

describe('the entry page’s map', () => {
  it('shows where a stated city is, described, with no serious axe violation', async () => {
    await page.goto(`${stack.url}/groups/adl-varese/`);
    const map = page.getByRole('img', { name: 'Map: Varese, Italy' });
    expect(await map.count()).toBe(1);
    expect(await map.locator('circle').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.where-map').screenshot({ path: `${PROJECT_ROOT}/test-results/map-entry.png` });
  });
});

describe('the widget’s map on another origin', () => {
  const widget = () => page.locator('solidarity-directory#mapped');

  it('loads widget-map.js only when asked, draws the counts, and filters itself when a country is chosen', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(partnerUrl);
    const counts = await countryCounts();
    const links = widget().locator('svg a.map-country');
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBe(counts.size);
    expect(scripts.filter((s) => s === '/widget-map.js')).toHaveLength(1);
    await widget().screenshot({ path: `${PROJECT_ROOT}/test-results/map-widget.png` });

    const n = counts.get('IT')!;
    const italy = widget().getByRole('link', { name: `${countryName('IT', 'en')}: ${groups(n)}` });
    expect(await italy.getAttribute('href')).toBe(`${new URL(stack.url).origin}/groups?country=IT`);
    await italy.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => widget().getByRole('status').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${groups(n)}`));
    expect(page.url()).toBe(`${partnerUrl}/`); // the partner's page stays
    expect(
      await widget()
        .getByRole('link', { name: `${countryName('IT', 'en')}: ${groups(n)} (chosen)` })
        .count(),
    ).toBe(1);
    await widget().getByRole('button', { name: 'Show every country' }).click();
    await expect.poll(() => widget().getByRole('button', { name: 'Show every country' }).count(), { timeout: 20_000 }).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

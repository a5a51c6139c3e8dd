/**
 * The widget on a partner's page served from a second origin (a tiny node:http server on
 * 127.0.0.1), reading the directory's API on the `npm start` stack (localhost, another port):
 * real cross-origin requests, shadow DOM isolation, theming, keyboard use and axe.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page, Request as PwRequest } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { launchChromium, PROJECT_ROOT, screenshot, seriousViolations } from '../../support/site-browser.ts';

/** The stack builds the whole site first; on a busy 2-core machine that can take minutes. */
const STACK_TIMEOUT_MS = 240_000;

let stack: Stack;
let browser: Browser;
let partner: Server;
let partnerUrl: string;
let context: BrowserContext;
let page: Page;
let apiRequests: PwRequest[];

/** The partner's page: its own hostile styles, two widgets and one with a wrong setting. */
function partnerPage(site: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Partner union — our allies</title>
<style>
  body { font-family: Georgia, serif; }
  button { background: lime !important; color: black; }
  li { color: red; }
  a { color: purple; }
  .fr-widget { --sd-accent: #004d40; --sd-link: #004d40; }
</style>
<script src="${site}/widget.js" defer></script>
</head>
<body>
<main>
<h1>Our allies</h1>
<solidarity-directory id="it" country="IT" per-page="3" heading="Italian unions"></solidarity-directory>
<div class="fr-widget"><solidarity-directory id="fr" lang="fr" country="FR" subject="international-solidarity"></solidarity-directory></div>
<solidarity-directory id="bad" subject="astrology" no-search></solidarity-directory>
</main>
</body>
</html>`;
}

/** A page with known violations: proves that the axe check can fail. */
const BROKEN_PAGE = '<!doctype html><html><head><title>Broken</title></head><body><img src="x.png"><button></button></body></html>';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT, timeoutMs: STACK_TIMEOUT_MS }), launchChromium()]);
  partner = createServer((req, res) => {
    const body = req.url === '/broken.html' ? BROKEN_PAGE : req.url === '/' ? partnerPage(stack.url) : undefined;
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
  context = await browser.newContext();
  page = await context.newPage();
  apiRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/')) apiRequests.push(r);
  });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `widget-${ctx.task.name}`);
  await context.close();
});

const widget = (id: string) => page.locator(`solidarity-directory#${id}`);
const names = (id: string) => widget(id).locator('li a.name').allTextContents();
const status = (id: string) => widget(id).getByRole('status');

/** Waits until a widget has answered (the first request may wake a cold function). */
async function loaded(id: string): Promise<void> {
  await expect.poll(() => widget(id).locator('section[aria-busy]').count(), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => status(id).textContent(), { timeout: 20_000 }).not.toMatch(/^$|Loading|Chargement/);
}

async function apiTotal(query: string): Promise<number> {
  return ((await (await fetch(`${stack.url}/api/v1/groups?${query}`)).json()) as { meta: { total: number } }).meta.total;
}

describe('the widget on another origin', () => {
  it('fetches the directory across origins and lists it', async () => {
    await page.goto(partnerUrl);
    await loaded('it');
    const italian = await apiTotal('country=IT');
    expect(await status('it').textContent()).toBe(`${italian} groups, page 1 of ${Math.ceil(italian / 3)}`);
    expect(await names('it')).toHaveLength(3);
    const siteOrigin = new URL(stack.url).origin;
    expect(new URL(partnerUrl).origin).not.toBe(siteOrigin);
    expect(apiRequests.length).toBeGreaterThanOrEqual(3);
    for (const r of apiRequests) {
      expect(new URL(r.url()).origin).toBe(siteOrigin);
      expect(r.headers().origin ?? (await r.allHeaders()).origin).toBe(new URL(partnerUrl).origin);
      expect((await r.response())!.headers()['access-control-allow-origin']).toBe('*');
    }
    const first = widget('it').locator('li a.name').first();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${siteOrigin}/groups/[a-z0-9-]+/$`));
  });

  it('speaks French and links the French pages', async () => {
    await page.goto(partnerUrl);
    await loaded('fr');
    expect(await widget('fr').getByRole('button', { name: 'Chercher' }).count()).toBe(1);
    expect(await status('fr').textContent()).toMatch(/^\d+ groupes?$/);
    expect(await widget('fr').locator('li a.name').first().getAttribute('href')).toMatch(/\/fr\/groups\/[a-z0-9-]+\/$/);
    expect(
      await widget('fr')
        .getByRole('link', { name: /Voir ces groupes/ })
        .getAttribute('href'),
    ).toBe(`${new URL(stack.url).origin}/fr/groups?country=FR&subject=international-solidarity`);
  });

  it('keeps the host page’s styles out and takes its custom properties', async () => {
    await page.goto(partnerUrl);
    await loaded('fr');
    const button = widget('fr').getByRole('button', { name: 'Chercher' });
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 77, 64)');
    const itButton = widget('it').getByRole('button', { name: 'Search' });
    expect(await itButton.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(164, 22, 26)');
    expect(
      await widget('it')
        .locator('li')
        .first()
        .evaluate((li) => getComputedStyle(li).color),
    ).not.toBe('rgb(255, 0, 0)');
  });

  it('explains a setting the directory refuses', async () => {
    await page.goto(partnerUrl);
    await loaded('bad');
    expect(await status('bad').textContent()).toMatch(/refused this embed’s settings: subject: unknown subject heading: astrology/);
    expect(await widget('bad').getByRole('search').isHidden()).toBe(true);
  });

  it('searches and pages by keyboard', async () => {
    await page.goto(partnerUrl);
    await loaded('it');
    const before = await names('it');
    // Tab from the top of the page into the first widget's search field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('it');
    expect(await widget('it').evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('cobas');
    await page.keyboard.press('Enter');
    await expect.poll(() => names('it'), { timeout: 20_000 }).not.toEqual(before);
    await loaded('it');
    expect(await names('it')).toContain('COBAS scuola Sardegna');
    expect(new URL(apiRequests.at(-1)!.url()).searchParams.get('q')).toBe('cobas');

    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await loaded('it');
    // On through the search button and the result links to Next (Previous is disabled, so skipped).
    const focused = () => widget('it').evaluate((el) => el.shadowRoot!.activeElement?.textContent ?? '');
    for (let i = 0; i < 8 && (await focused()) !== 'Next'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Next');
    await page.keyboard.press('Enter');
    await expect.poll(() => status('it').textContent(), { timeout: 20_000 }).toMatch(/page 2 of/);
    expect(await widget('it').evaluate((el) => el.shadowRoot!.activeElement?.tagName)).toBe('UL');
    expect(await names('it')).not.toEqual(before);
  });

  it('has no serious or critical axe violations, inside the shadow roots too', async () => {
    await page.goto(partnerUrl);
    for (const id of ['it', 'fr', 'bad']) await loaded(id);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('(control) the axe check does find violations on a broken page', async () => {
    await page.goto(`${partnerUrl}/broken.html`);
    const ids = (await seriousViolations(page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('button-name');
  });
});

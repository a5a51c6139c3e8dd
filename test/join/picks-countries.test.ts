/**
 * The join form's countries in Chromium: with JavaScript a searchable combobox with removable
 * chips, driven by keyboard alone and by mouse, exposed to assistive technology as a combobox, a
 * multi-select listbox and named buttons (read from Chromium's accessibility tree), announcing
 * what changed; what it chooses is what the form sends. Without JavaScript, the plain select.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { screenshot, seriousViolations } from '../support/site-browser.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';
import { startJoinSite } from '../support/join-site.ts';

let h: JoinHarness;
let site: Awaited<ReturnType<typeof startJoinSite>>;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await joinHarness();
  site = await startJoinSite(h);
  base = site.base;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await h?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `join-countries-${ctx.task.name}`);
  await context.close();
});

const sent = (p: Page) => p.locator('select[name="countries"]').evaluate((s) => Array.from((s as HTMLSelectElement).selectedOptions).map((o) => o.value));
const chips = (p: Page) => p.locator('.picker-chips li span').allTextContents();
const announced = (p: Page) => p.locator('.picker [role="status"]').textContent();
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id);

describe('the countries picker', () => {
  it('is used by keyboard alone: type, arrows, Enter, Backspace, Escape, and the chips’ buttons', async () => {
    await page.goto(`${base}/join`);
    const box = page.getByRole('combobox', { name: 'Countries' });
    expect(await page.locator('select[name="countries"]').isHidden()).toBe(true);
    // Tab reaches it from the scope field before it.
    await page.locator('input[name="geographic_scope"]').last().focus();
    for (let i = 0; i < 3 && (await focusedId(page)) !== 'f-countries'; i++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('f-countries');
    await page.keyboard.type('fran');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toBe('France');
    await page.keyboard.press('Enter');
    expect(await chips(page)).toEqual(['France']);
    expect(await announced(page)).toBe('France added; 1 chosen.');
    expect(await box.inputValue()).toBe('');
    // Accents and capitals do not matter; ↓ moves the highlight.
    await page.keyboard.type('ÉTATS');
    expect(await page.locator('[role="option"]').allTextContents()).toEqual([]); // English names: nothing matches "états"
    expect(await page.locator('.picker-none').textContent()).toBe('No country matches.');
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await page.keyboard.type('spa');
    await page.keyboard.press('ArrowDown');
    const second = await page.locator(`#${await box.getAttribute('aria-activedescendant')}`).textContent();
    await page.keyboard.press('Enter');
    await page.keyboard.type('ital');
    await page.keyboard.press('Enter');
    expect((await chips(page)).sort()).toEqual(['France', 'Italy', second!].sort());
    expect(new Set(await sent(page))).toEqual(
      new Set(['FR', 'IT', await page.locator('select[name="countries"] option', { hasText: second! }).first().getAttribute('value')]),
    );
    // Backspace in the empty box removes the last chosen country.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    expect(await sent(page)).toHaveLength(2);
    expect(await announced(page)).toMatch(/ removed; 2 chosen\.$/);
    // Shift+Tab reaches the chips' buttons, each named for its country; Enter removes and returns to the box.
    await page.keyboard.press('Shift+Tab');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(name).toMatch(/^Remove /);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('f-countries');
    expect(await sent(page)).toHaveLength(1);
  });

  it('is used by mouse: click the box, click options to choose and un-choose, click × to remove', async () => {
    await page.goto(`${base}/join`);
    const box = page.getByRole('combobox', { name: 'Countries' });
    await box.click();
    expect(await page.locator('[role="option"]').count()).toBeGreaterThan(200);
    await box.fill('bra');
    await page.getByRole('option', { name: 'Brazil' }).click();
    await box.fill('arg');
    await page.getByRole('option', { name: 'Argentina' }).click();
    expect(await sent(page)).toEqual(['AR', 'BR']);
    expect(await page.getByRole('option', { name: 'Argentina' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('option', { name: 'Argentina' }).click(); // un-choose
    expect(await sent(page)).toEqual(['BR']);
    await page.getByRole('button', { name: 'Remove Brazil' }).click();
    expect(await sent(page)).toEqual([]);
    expect(await chips(page)).toEqual([]);
  });

  it('is a combobox, a multi-select listbox and named buttons to assistive technology', async () => {
    await context.close();
    context = await browser.newContext({ bypassCSP: true }); // axe is injected as an inline script
    page = await context.newPage();
    await page.goto(`${base}/join`);
    const box = page.getByRole('combobox', { name: 'Countries' });
    await box.fill('germ');
    await box.press('Enter');
    await box.fill('ger');
    const tree = await page.locator('.field:has(.picker)').ariaSnapshot();
    expect(tree).toContain('combobox "Countries (optional)"');
    expect(tree).toMatch(/listbox "Countries \(optional\)"/);
    expect(tree).toMatch(/option "Germany" \[selected\]/);
    expect(tree).toContain('list "Chosen countries"');
    expect(tree).toContain('button "Remove Germany"');
    expect(await box.getAttribute('aria-describedby')).toContain('f-countries-hint');
    expect(await page.locator('#f-countries-hint').textContent()).toContain('Type a country’s name');
    expect(await page.locator('#f-countries-listbox').getAttribute('aria-multiselectable')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sends what it chose, in French too', async () => {
    await page.goto(`${base}/fr/join`);
    h.clock.advance(10_000);
    const box = page.getByRole('combobox', { name: 'Pays' });
    await box.fill('ital');
    await box.press('Enter');
    expect(await announced(page)).toBe('Italie ajouté ; 1 choisi(s).');
    await page.locator('#f-name').fill('Coursiers de Milan');
    await page.locator('#f-website').fill('https://coursiers-milan.example.org');
    await page.locator('#f-summary-fr').fill('Collectif de coursiers.');
    await page.locator('#f-contact-name').fill('Camille');
    await page.locator('#f-contact-email').fill('camille@example.net');
    await page.locator('#f-consent').check();
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.waitForURL(/\/fr\/join\/thanks\?reference=/);
    const pull = h.github!.pulls.at(-1)!;
    const file = h.github!.fileAt(pull.head, `content/groups/${pull.head.split('/').pop()}.md`) ?? '';
    expect(file).toMatch(/countries:\n\s+- IT\n/);
  });

  it('leaves the plain select without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    try {
      await p.goto(`${base}/join`);
      expect(await p.locator('.picker, [role="combobox"]').count()).toBe(0);
      const select = p.getByLabel('Countries');
      expect(await select.evaluate((s) => (s as HTMLSelectElement).multiple)).toBe(true);
      expect(await p.locator('#f-countries-hint').textContent()).toContain('hold Ctrl');
    } finally {
      await noJs.close();
    }
  });
});

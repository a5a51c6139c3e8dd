/**
 * Every kind of page in every language, in Chromium against the `npm start` stack: the front page,
 * a filtered listing, an entry, a 404, the widget guide (with live widgets), the join form and its
 * "application not found" page. On each: `<html lang>`, no text of the English catalogue left where
 * the page's language has its own (every id of every catalogue walked; names of groups and quoted
 * sources are marked translate="no" and skipped), and no serious axe-core violation. Then: the
 * switcher keeps the filters, and a browser's language picks the front page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as registry from '../../../src/i18n/catalogue/index.ts';
import { LOCALES, messages, type Locale, type MessageId } from '../../../src/i18n/index.ts';
import { prefix } from '../../../src/site/paths.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { launchChromium, PROJECT_ROOT, screenshot, seriousViolations } from '../../support/site-browser.ts';

const STACK_TIMEOUT_MS = 240_000;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT, timeoutMs: STACK_TIMEOUT_MS }), launchChromium()]);
}, STACK_TIMEOUT_MS + 30_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const english = messages('en');

/** English texts (as patterns, placeholders matching anything) that must not appear on a page in `locale`. */
async function englishLeftovers(locale: Locale): Promise<{ id: string; pattern: RegExp }[]> {
  const own = messages(locale);
  const module = (await import(`../../../src/i18n/catalogue/${locale}.ts`)) as { sameAsEnglish?: readonly string[] };
  const same = new Set(module.sameAsEnglish ?? []);
  const out: { id: string; pattern: RegExp }[] = [];
  for (const id of Object.keys(english) as MessageId[]) {
    if (same.has(id) || JSON.stringify(own[id]) === JSON.stringify(english[id])) continue;
    const texts = typeof english[id] === 'string' ? [english[id] as string] : Object.values(english[id] as Record<string, string>);
    for (const text of texts) {
      const literal = text.split(/\{[A-Za-z0-9_]+\}/).map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      if (literal.join('').replace(/[^A-Za-z]/g, '').length < 3) continue; // a bare placeholder or symbol says nothing
      out.push({ id, pattern: new RegExp(`^${literal.join('[\\s\\S]*')}$`) });
    }
  }
  return out;
}

/** Text nodes and readable attributes of the page in its own language (not in [translate=no] or another [lang]). */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const texts: string[] = [];
    const skip = (el: Element | null) =>
      !!el?.closest('[translate="no"], script, style, code, pre') || (el?.closest('[lang]')?.getAttribute('lang') ?? lang) !== lang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && !skip(n.parentElement)) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

describe('every page type in every language', () => {
  for (const locale of LOCALES) {
    it(`${locale}: translated, labelled <html lang="${locale}">, axe-clean`, async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const p = prefix(locale);
      const leftovers = await englishLeftovers(locale);
      const pages = [
        `${p}/`,
        `${p}/groups?country=IT&subject=labour-rights`,
        `${p}/groups/cub/`,
        `${p}/groups/no-such-group/`,
        `${p}/widget-example.html`,
        `${p}/join`,
        `${p}/join/thanks?reference=0000-0000-0000-0000`,
      ];
      try {
        for (const path of pages) {
          await page.goto(`${stack.url}${path}`);
          if (path.includes('widget-example'))
            await page.waitForFunction(
              () =>
                document.querySelectorAll('solidarity-directory').length > 0 &&
                [...document.querySelectorAll('solidarity-directory')].every((w) => w.shadowRoot?.querySelector('[part="status"]')?.textContent !== ''),
            );
          expect(await page.locator('html').getAttribute('lang'), path).toBe(locale);
          if (locale !== 'en') {
            // A word can be English and the page's language at once ("Attribute" is German too): its own texts are not leftovers.
            const own = new Set(Object.values(messages(locale)).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m))));
            const found = (await pageTexts(page))
              .filter((text) => !own.has(text))
              .flatMap((text) => leftovers.filter((l) => l.pattern.test(text)).map((l) => `${l.id}: ${text}`));
            expect(found, path).toEqual([]);
          }
          expect(await seriousViolations(page), path).toEqual([]);
        }
      } catch (error) {
        await screenshot(page, `six-languages-${locale}`);
        throw error;
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

describe('choosing a language', () => {
  it('keeps the page and its filters when switching, and remembers the choice on the front page', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    expect(new URL(page.url()).pathname).toBe('/de/'); // the browser's language
    await page.goto(`${stack.url}/de/groups?country=IT&sort=-name`);
    await page.getByRole('navigation', { name: 'Diese Seite in anderen Sprachen' }).getByRole('link', { name: 'Italiano' }).click();
    await page.waitForURL(/\/it\/groups\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('country')).toBe('IT');
    expect(url.searchParams.get('sort')).toBe('-name');
    expect(await page.getByLabel(/^Italia \(\d+\)$/).isChecked()).toBe(true);
    await page.getByRole('navigation', { name: 'Questa pagina in altre lingue' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/^[^?]*\/groups\?/);
    await page.goto(`${stack.url}/`); // a German browser, but English was chosen: no redirect back
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('offers every catalogue in the switcher', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/pt/`);
    const names = await page.getByRole('navigation', { name: 'Esta página em outros idiomas' }).getByRole('link').allTextContents();
    expect(names.sort()).toEqual(
      Object.keys(registry)
        .filter((l) => l !== 'pt')
        .map((l) => messages(l as Locale)['language.name'])
        .sort(),
    );
    await context.close();
  });
});

/**
 * The join form in a real browser (Chromium through playwright-core): without JavaScript it posts
 * and lands on the thank-you page or shows its errors; with JavaScript, keyboard only, errors
 * appear inline and in a focused summary without losing anything typed; axe-core finds no
 * accessibility violation in English or French.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';
import { startJoinSite } from '../support/join-site.ts';

let h: JoinHarness;
let site: Awaited<ReturnType<typeof startJoinSite>>;
let base: string;
let browser: Browser;
const AXE = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

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

async function fillRequired(page: Page, name: string, website: string) {
  await page.getByLabel('Name of the group').fill(name);
  await page.getByLabel('Website').fill(website);
  await page.getByLabel('Summary (in English)').fill('A union of couriers.');
  // With JavaScript the countries are a searchable picker (test/join/picks-countries.test.ts), else the plain select.
  const picker = page.getByRole('combobox', { name: 'Countries' });
  if (await picker.count()) {
    await picker.fill('United Kingdom');
    await picker.press('Enter');
  } else await page.getByLabel('Countries').selectOption(['GB']);
  await page.getByLabel('Labour rights').check();
  await page.getByLabel('Your name').fill('Sam Example');
  await page.getByLabel('Your email').fill('sam@example.net');
}

describe('the join form in a browser', () => {
  it('works without JavaScript: errors shown again with the values, then the thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/join`);
    h.clock.advance(10_000);
    await fillRequired(page, 'Couriers Network', 'https://www.solidaires.org/couriers');
    await page.getByLabel(/I agree that the network’s editors keep my contact details/).check();
    await page.getByRole('button', { name: 'Send the application' }).click();
    await expect.poll(() => page.locator('#duplicate-title').textContent()).toBe('This group may already be in the directory');
    expect(await page.getByLabel('Name of the group').inputValue()).toBe('Couriers Network');
    expect(await page.getByLabel('Your email').inputValue()).toBe('sam@example.net');
    await page.getByLabel('Website').fill('https://couriers.example.org');
    await page.getByRole('button', { name: 'Send the application' }).click();
    await page.waitForURL(/\/join\/thanks\?reference=/);
    expect(await page.locator('h1').textContent()).toBe('Thank you: your application was received');
    expect(await page.locator('.reference').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await context.close();
  });

  it('is better with JavaScript, keyboard only: inline errors, a focused summary, nothing typed lost', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/fr/join`);
    h.clock.advance(10_000);
    await page.keyboard.press('Tab'); // the skip link first
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au formulaire');
    await page.getByLabel('Nom du groupe').focus();
    await page.keyboard.type('Coursiers solidaires');
    await page.keyboard.press('Enter'); // submits, with the email and consent still missing
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const summary = await page.locator('#error-summary').textContent();
    expect(summary).toContain('Il y a un problème');
    expect(await page.getByLabel('Nom du groupe').inputValue()).toBe('Coursiers solidaires');
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(1);
    // Follow the summary's first link to its field, then complete the form from the keyboard.
    await page.locator('#error-summary a').first().focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Site web').focus();
    await page.keyboard.type('https://coursiers.example.org');
    await page.getByLabel('Résumé (en français)').focus();
    await page.keyboard.type('Collectif de coursiers.');
    await page.getByLabel('Votre nom').focus();
    await page.keyboard.type('Camille');
    await page.keyboard.press('Tab');
    await page.keyboard.type('camille@example.net');
    await page.getByLabel(/J’accepte que l’équipe éditoriale/).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Envoyer la demande' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/join\/thanks\?reference=/);
    expect(await page.locator('h1').textContent()).toBe('Merci : votre demande a bien été reçue');
    await context.close();
  });

  it('answers a Portuguese applicant’s mistakes in Portuguese, next to each field, with and without JavaScript', async () => {
    // Mistakes a browser lets through (its own checks pass), so the server is the one answering.
    const expected = {
      'f-summary-pt': t('pt', 'problem.oneLanguage'),
      'f-website': t('pt', 'problem.url'),
      'f-email': t('pt', 'problem.email'),
      'f-contact-email': t('pt', 'problem.email'),
    };
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled, locale: 'pt-BR' });
      const page = await context.newPage();
      await page.goto(`${base}/pt/join`);
      expect(await page.locator('html').getAttribute('lang')).toBe('pt');
      h.clock.advance(10_000);
      await page.getByLabel('Nome do grupo').fill('Sindicato dos Entregadores');
      await page.getByLabel(/^Site/).fill('https://localhost');
      await page.getByLabel(/^E-mail público do grupo/).fill('contato@sindicato');
      await page.getByLabel('Seu nome').fill('Joana');
      await page.getByLabel('Seu e-mail').fill('joana@entregadores');
      await page.getByLabel(/^Concordo que a equipe editorial/).check();
      await page.getByRole('button', { name: 'Enviar o pedido' }).click();
      await expect.poll(() => page.locator('#error-summary').isVisible()).toBe(true);
      expect(await page.locator('#error-summary h2').textContent()).toBe('Há um problema');
      for (const [id, message] of Object.entries(expected)) {
        expect(await page.locator(`#${id}-error`).textContent(), `${id}, JavaScript ${javaScriptEnabled}`).toBe(`${t('pt', 'join.errorPrefix')}${message}`);
      }
      expect(await page.getByLabel('Nome do grupo').inputValue()).toBe('Sindicato dos Entregadores');
      await context.close();
    }
  });

  it('shows the server’s duplicate answer inline and lets the applicant confirm', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/join`);
    h.clock.advance(10_000);
    await fillRequired(page, 'Union syndicale Solidaires', 'https://union.example.org');
    await page.getByLabel(/I agree that the network’s editors keep my contact details/).check();
    await page.getByRole('button', { name: 'Send the application' }).click();
    await expect.poll(() => page.locator('#f-name-error').textContent()).toContain('the directory’s entry “Union syndicale Solidaires”');
    expect(await page.locator('#confirm-distinct').isVisible()).toBe(true);
    await page.getByLabel(/My group is a different one/).check();
    await page.getByRole('button', { name: 'Send the application' }).click();
    await page.waitForURL(/\/join\/thanks\?reference=/);
    expect(h.github!.pulls.at(-1)!.labels).toContain('possible-duplicate');
    await context.close();
  });

  it('has no accessibility violation that axe-core can find, in English and French, with errors shown', async () => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();
    for (const path of ['/join', '/fr/join']) {
      await page.goto(`${base}${path}`);
      await page.getByRole('button').click(); // client-side errors on the empty form
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, path).toEqual([]);
    }
    await context.close();
  });
});

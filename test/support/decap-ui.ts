/**
 * What an editor does in Decap CMS, as browser steps. Selectors follow what Decap renders:
 * each field's input has the id `<field name>-field-<n>`; with two languages side by side, the
 * first match is the default language's pane.
 */
import type { Locator, Page } from 'playwright-core';

export async function logIn(page: Page, siteUrl: string): Promise<void> {
  // Publishing and deleting ask for confirmation with window.confirm; an editor says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${siteUrl}/admin/`);
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Workflow' }).waitFor();
}

export function field(page: Page, name: string): Locator {
  return page.locator(`[id^="${name}-field-"]`).first();
}

export async function openNewGroup(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/admin/#/collections/groups/new`);
  await field(page, 'slug').waitFor();
}

/** Replaces a text field's value as a person would (Decap's controlled inputs append on a plain fill). */
export async function retype(page: Page, name: string, text: string): Promise<void> {
  const input = field(page, name);
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await input.pressSequentially(text);
}

/** Picks options in a select or relation field by typing their label, as a keyboard user would. */
export async function choose(page: Page, name: string, labels: string[]): Promise<void> {
  await field(page, name).click();
  for (const label of labels) {
    await page.keyboard.type(label);
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

export async function setStatus(page: Page, status: 'Draft' | 'In review' | 'Ready'): Promise<void> {
  await page.getByRole('button', { name: /^Status: / }).click();
  await page.getByRole('menuitem', { name: status, exact: true }).click();
  await page.getByRole('button', { name: `Status: ${status}` }).waitFor();
}

export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

/** Polls `probe` until it returns a value, for effects that reach git or the API a moment later. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

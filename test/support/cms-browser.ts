/**
 * Debian's Chromium driven by playwright-core, with what a failing browser test leaves behind in
 * test-results/: a full-page screenshot, the page's console, and the stack's output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from './start-stack.ts';

import { PROJECT_ROOT } from './project-root.ts';

export { PROJECT_ROOT };
const RESULTS = join(PROJECT_ROOT, 'test-results');

export { launchChromium as launchBrowser } from './chromium.ts';

export interface TestPage {
  page: Page;
  /** Console messages and page errors, for the failure report. */
  console: string[];
}

/**
 * Messages in which Chromium reports something the page's Content-Security-Policy blocked. The
 * CMS runs under the policy netlify.toml gives /admin; a test that saw any of these fails, so the
 * policy is as strict as Decap CMS allows and no stricter (measured, not guessed).
 */
export function cspViolations(tp: TestPage): string[] {
  return tp.console.filter((line) => /Content Security Policy|Content-Security-Policy/i.test(line));
}

export async function openPage(browser: Browser): Promise<TestPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20_000);
  const console: string[] = [];
  page.on('console', (m) => console.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.push(`[pageerror] ${e.message}`));
  return { page, console };
}

function fileName(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

/** Call from a failing test's `onTestFailed`: writes test-results/<name>.png, .console.txt and .stack.txt. */
export async function saveFailureArtifacts(name: string, tp: TestPage | undefined, stack: Stack | undefined): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  const base = join(RESULTS, fileName(name));
  if (tp && !tp.page.isClosed()) {
    await tp.page.screenshot({ path: `${base}.png`, fullPage: true }).catch((e: Error) => tp.console.push(`[screenshot failed] ${e.message}`));
    await writeFile(`${base}.console.txt`, tp.console.join('\n'));
  }
  if (stack) await writeFile(`${base}.stack.txt`, stack.output());
}

/**
 * Chromium (Debian's, through playwright-core) and axe-core for the site's browser tests.
 * One browser per test file; pages and contexts per test.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

import { PROJECT_ROOT } from './project-root.ts';

export { PROJECT_ROOT };
const require = createRequire(import.meta.url);

export { launchChromium } from './chromium.ts';

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now (open shadow roots included). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated, not added as a script tag: the pages' CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot under test-results/ (called when a test fails). */
export async function screenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  const dir = join(PROJECT_ROOT, 'test-results');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 120)}.png`), fullPage: true });
}

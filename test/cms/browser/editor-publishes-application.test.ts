/**
 * An applicant's join request becomes a pending entry in the editors' Workflow tab; an editor
 * reviews it, marks it ready and publishes it; the API then serves the new group.
 *
 * The application is delivered here the way the join endpoint's local delivery does it (and as
 * decap-server's git mode reads it): a branch `cms/groups/<slug>` with one commit adding the entry
 * file, written with git plumbing on top of the main branch without touching the working tree,
 * and the status `decap-cms/pending_review` in `git config branch.<branch>.description`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEntryFile } from '../../../src/content/entry-file.ts';
import { entrySchema, type Entry } from '../../../src/schema/entry.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { launchBrowser, openPage, PROJECT_ROOT, saveFailureArtifacts } from './browser.ts';
import { eventually, logIn, publishNow, setStatus } from './decap-ui.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const application: Entry = entrySchema.parse({
  slug: 'sindicato-aplicante',
  name: 'Sindicato Aplicante',
  summary: { es: 'Un sindicato que pide unirse al directorio.', en: 'A union asking to join the directory.' },
  purpose: { es: 'Organizamos a los trabajadores de la limpieza.' },
  countries: ['AR'],
  subjects: ['labour-rights'],
  languages: ['es'],
  network_relation: 'none',
  website: 'https://aplicante.example.org/',
  created: '2026-11-27',
  updated: '2026-11-27',
});
const BRANCH = `cms/groups/${application.slug}`;

/** What the join endpoint's local delivery does: commit on top of main via a temporary index, then create the branch and its status. */
async function deliverApplication(entry: Entry): Promise<void> {
  const path = `content/groups/${entry.slug}.md`;
  const dir = await mkdtemp(join(tmpdir(), 'join-index-'));
  const env = { ...process.env, GIT_INDEX_FILE: join(dir, 'index') };
  const git = async (args: string[], input?: string, withIndex = false) => {
    const { execFile } = await import('node:child_process');
    return new Promise<string>((resolve, reject) => {
      const child = execFile('git', args, { cwd: stack.repo, env: withIndex ? env : process.env }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
      if (input !== undefined) child.stdin!.end(input);
    });
  };
  try {
    const blob = await git(['hash-object', '-w', '--stdin'], encodeEntryFile(entry));
    await git(['read-tree', stack.branch], undefined, true);
    await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, true);
    const tree = await git(['write-tree'], undefined, true);
    const commit = await git(['commit-tree', tree, '-p', stack.branch, '-F', '-'], `Create groups “${entry.slug}”\n`);
    await git(['update-ref', `refs/heads/${BRANCH}`, commit, '0000000000000000000000000000000000000000']);
    await git(['config', `branch.${BRANCH}.description`, 'decap-cms/pending_review']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("an applicant's request, published by an editor", () => {
  it('appears in the Workflow tab as in review; the editor publishes it; the API serves the group', async ({ onTestFailed }) => {
    const tp = await openPage(browser);
    onTestFailed(() => saveFailureArtifacts('editor-publishes-application', tp, stack));
    const { page } = tp;
    await deliverApplication(application);
    expect(await stack.git('status', '--porcelain')).toBe(''); // the working tree was not touched

    await logIn(page, stack.url);
    await page.getByRole('link', { name: 'Workflow' }).click();
    const column = page.locator('div', { has: page.getByRole('heading', { name: 'In Review', exact: true }) }).last();
    const card = column.getByText(application.name, { exact: true });
    await card.waitFor();
    await card.click();

    await page.getByRole('button', { name: 'Status: In review' }).waitFor();
    await setStatus(page, 'Ready');
    expect(await stack.git('config', '--get', `branch.${BRANCH}.description`)).toBe('decap-cms/pending_publish');
    await publishNow(page);

    const file = await eventually('the application on main', () => stack.git('show', `${stack.branch}:content/groups/${application.slug}.md`));
    expect(`${file}\n`).toBe(encodeEntryFile(application));
    const served = await eventually('the API serving the group', async () => {
      const res = await fetch(`${stack.url}/api/v1/groups/${application.slug}?lang=es`);
      return res.ok ? ((await res.json()) as { data: Record<string, unknown> }).data : undefined;
    });
    expect(served).toMatchObject({ slug: application.slug, name: application.name, countries: ['AR'], summary: application.summary.es, lang: 'es' });
  }, 120_000);
});

/**
 * An applicant's join request becomes a pending entry in the editors' Workflow tab; an editor
 * reviews it, marks it ready and publishes it; the API then serves the new group.
 *
 * First the contract, on its own: an application delivered the way decap-server's git mode reads
 * one — a branch `cms/groups/<slug>` with one commit adding the entry file, written with git
 * plumbing on top of the main branch without touching the working tree, and the status
 * `decap-cms/pending_review` in `git config branch.<branch>.description`. Then the whole way: an
 * applicant fills in the form at /join, and the join endpoint's local delivery does that.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEntryFile } from '../../../src/content/entry-file.ts';
import { entrySchema, type Entry } from '../../../src/schema/entry.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { cspViolations, launchBrowser, openPage, PROJECT_ROOT, saveFailureArtifacts } from '../../support/cms-browser.ts';
import { eventually, logIn, publishNow, setStatus } from '../../support/decap-ui.ts';
import type { Page } from 'playwright-core';

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
      const child = execFile('git', args, { cwd: stack.repo, env: withIndex ? env : process.env }, (error, stdout) =>
        error ? reject(error) : resolve(stdout.trim()),
      );
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

/** The editor's part: find the application under In Review, open it, mark it ready, publish it. */
async function reviewAndPublish(page: Page, name: string, slug: string): Promise<void> {
  await page.getByRole('link', { name: 'Workflow' }).click();
  const column = page.locator('div', { has: page.getByRole('heading', { name: 'In Review', exact: true }) }).last();
  const card = column.getByText(name, { exact: true });
  await card.waitFor();
  await card.click();
  await page.getByRole('button', { name: 'Status: In review' }).waitFor();
  await setStatus(page, 'Ready');
  expect(await stack.git('config', '--get', `branch.cms/groups/${slug}.description`)).toBe('decap-cms/pending_publish');
  await publishNow(page);
}

async function served(slug: string, query = ''): Promise<Record<string, unknown>> {
  return eventually(`the API serving ${slug}`, async () => {
    const res = await fetch(`${stack.url}/api/v1/groups/${slug}${query}`);
    return res.ok ? ((await res.json()) as { data: Record<string, unknown> }).data : undefined;
  });
}

describe("an applicant's request, published by an editor", () => {
  it('a pending branch appears in the Workflow tab as in review; the editor publishes it; the API serves the group', async ({
    onTestFailed,
    onTestFinished,
  }) => {
    const tp = await openPage(browser);
    onTestFinished(() => expect(cspViolations(tp)).toEqual([]));
    onTestFailed(() => saveFailureArtifacts('editor-publishes-application-branch', tp, stack));
    const { page } = tp;
    await deliverApplication(application);
    expect(await stack.git('status', '--porcelain')).toBe(''); // the working tree was not touched

    await logIn(page, stack.url);
    await reviewAndPublish(page, application.name, application.slug);

    const file = await eventually('the application on main', () => stack.git('show', `${stack.branch}:content/groups/${application.slug}.md`));
    expect(`${file}\n`).toBe(encodeEntryFile(application));
    expect(await served(application.slug, '?lang=es')).toMatchObject({
      slug: application.slug,
      name: application.name,
      countries: ['AR'],
      summary: application.summary.es,
      lang: 'es',
    });
    await tp.page.close();
  }, 120_000);

  it('an applicant fills in the join form; the application appears in the Workflow tab; the editor publishes it; the API serves it', async ({
    onTestFailed,
    onTestFinished,
  }) => {
    const tp = await openPage(browser);
    onTestFinished(() => expect(cspViolations(tp)).toEqual([]));
    onTestFailed(() => saveFailureArtifacts('editor-publishes-application-form', tp, stack));
    const { page } = tp;
    const name = 'Riders United of Bologna';

    await page.goto(`${stack.url}/join`);
    const opened = Date.now();
    await page.getByLabel('Name of the group').fill(name);
    await page.getByLabel('Website').fill('https://riders-united.example.org');
    await page.getByLabel('Summary (in English)').fill('Food delivery riders organising in Bologna.');
    // The form's script makes the countries a searchable picker (test/join/picks-countries.test.ts).
    const countries = page.getByRole('combobox', { name: 'Countries' });
    await countries.fill('Italy');
    await countries.press('Enter');
    await page.getByLabel('Your name').fill('Alex Example');
    await page.getByLabel('Your email').fill('alex@example.net');
    await page.getByLabel(/I agree that the network’s editors keep my contact details/).check();
    // The form refuses what is sent within seconds of loading it (a machine, not a person).
    await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - opened)));
    await page.getByRole('button', { name: 'Send the application' }).click();
    await page.waitForURL(/\/join\/thanks\?reference=/);

    const branch = await eventually(
      'the application branch',
      async () => (await stack.git('branch', '--list', 'cms/groups/riders-*')).replace(/^[*+ ]+/, '') || undefined,
    );
    const slug = branch.replace('cms/groups/', '');
    expect(await stack.git('config', '--get', `branch.${branch}.description`)).toBe('decap-cms/pending_review');

    await logIn(page, stack.url);
    await reviewAndPublish(page, name, slug);
    expect(await served(slug)).toMatchObject({ slug, name, countries: ['IT'] });
  }, 120_000);
});

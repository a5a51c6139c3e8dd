/**
 * An editor opens /admin on the `npm start` stack, logs in to the local backend, creates a group
 * with subject headings and countries, looks at the preview (readable names, related groups),
 * saves a draft, marks it ready and publishes it. The file lands in content/groups/ on the main
 * branch, the content build accepts it, and the public API serves it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/content/write-artefact.ts';
import { previewModel } from '../../../src/cms/preview-model.ts';
import { createMarkdownRenderer } from '../../../src/content/render-markdown.ts';
import { parseYaml } from '../../../src/content/front-matter.ts';
import { countryName } from '../../../src/schema/codes.ts';
import { enumLabel } from '../../../src/i18n/labels.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { cspViolations, launchBrowser, openPage, PROJECT_ROOT, saveFailureArtifacts, type TestPage } from '../../support/cms-browser.ts';
import { choose, eventually, field, logIn, openNewGroup, publishNow, save, setStatus } from '../../support/decap-ui.ts';

let stack: Stack;
let browser: Browser;
let tp: TestPage | undefined;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const SLUG = 'sindicato-de-prueba';
const COUNTRIES = ['ES', 'PT'];
const SUBJECTS = ['labour-rights', 'precarious-work'];

/** What the editor sees in the subject list: the term's English label, from its file. */
async function subjectLabel(slug: string): Promise<string> {
  const term = parseYaml(await readFile(join(PROJECT_ROOT, 'content', 'subjects', `${slug}.yml`), 'utf8')) as { label: { en: string } };
  return term.label.en;
}
const BRANCH = `cms/groups/${SLUG}`;
/** What the preview should show, from the published content and the engine's own ranking. */
async function expectedPreview() {
  const out = await mkdtemp(join(tmpdir(), 'cms-preview-'));
  try {
    const built = await buildContent(PROJECT_ROOT, out);
    if (!built.ok) throw new Error(built.messages.join('\n'));
    const { entries, taxonomies } = built.artefact;
    const model = previewModel({
      draft: { slug: SLUG, name: 'Sindicato de Prueba', countries: COUNTRIES, subjects: SUBJECTS },
      published: entries,
      taxonomies,
      renderMarkdown: createMarkdownRenderer(),
    });
    if (model.related.length === 0) throw new Error('the content has no group sharing these subjects; pick others');
    return model;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const status = () => stack.git('config', '--get', `branch.${BRANCH}.description`);

describe('an editor publishes a new group', () => {
  it('saves a draft, marks it ready, publishes; the build accepts it and the API serves it', async ({ onTestFailed, onTestFinished }) => {
    tp = await openPage(browser);
    onTestFinished(() => expect(cspViolations(tp!)).toEqual([]));
    onTestFailed(() => saveFailureArtifacts('editor-publishes-group', tp, stack));
    const { page } = tp;

    await logIn(page, stack.url);
    await openNewGroup(page, stack.url);
    await field(page, 'slug').fill(SLUG);
    await field(page, 'name').fill('Sindicato de Prueba');
    await field(page, 'summary').fill('A test union of cleaners in Madrid and Lisbon.');
    await choose(
      page,
      'countries',
      COUNTRIES.map((c) => countryName(c)),
    );
    await choose(page, 'subjects', await Promise.all(SUBJECTS.map(subjectLabel)));
    await choose(page, 'network_relation', [enumLabel('en', 'relation', 'participant')]);
    await field(page, 'created').fill('2026-11-27');
    await field(page, 'updated').fill('2026-11-27');

    // The preview: the group as the directory shows it, with the groups the engine calls related.
    await page.getByTitle('Toggle preview').click();
    const preview = page.frameLocator('#preview-pane').getByTestId('group-preview');
    await preview.waitFor();
    const expected = await expectedPreview();
    for (const name of expected.countries) await preview.getByText(name, { exact: true }).waitFor();
    for (const label of expected.subjects) await preview.locator('.subjects').getByText(label, { exact: true }).waitFor();
    const related = preview.getByTestId('related-groups');
    await related.getByText(expected.related[0]!.name, { exact: true }).waitFor();
    for (const label of expected.related[0]!.subjects) await expect(related.getByText(label, { exact: true }).count()).resolves.toBeGreaterThan(0);

    await save(page);
    await page.getByText('Entry saved').waitFor();
    expect(await eventually('the draft branch', status)).toBe('decap-cms/draft');
    await expect(stack.git('cat-file', '-e', `${stack.branch}:content/groups/${SLUG}.md`)).rejects.toThrow();

    await setStatus(page, 'Ready');
    expect(await status()).toBe('decap-cms/pending_publish');
    await publishNow(page);

    // Published: merged into main and the draft branch deleted.
    const file = await eventually('the file on main', () => stack.git('show', `${stack.branch}:content/groups/${SLUG}.md`));
    expect(file).toContain(`slug: ${SLUG}`);
    await eventually('the draft branch deleted', async () => ((await stack.git('branch', '--list', BRANCH)) === '' ? true : undefined));
    // …and, with decap-server back on main, in the clone's working tree (git show drops the last newline).
    expect(await readFile(join(stack.repo, 'content', 'groups', `${SLUG}.md`), 'utf8')).toBe(`${file}\n`);

    const out = await mkdtemp(join(tmpdir(), 'cms-build-'));
    try {
      const built = await buildContent(stack.repo, out);
      expect(built.ok ? [] : built.messages).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }

    const served = await eventually('the API serving the group', async () => {
      const res = await fetch(`${stack.url}/api/v1/groups/${SLUG}`);
      return res.ok ? ((await res.json()) as { data: Record<string, unknown> }).data : undefined;
    });
    expect(served).toMatchObject({ slug: SLUG, name: 'Sindicato de Prueba', countries: COUNTRIES, subjects: SUBJECTS, network_relation: 'participant' });
    const list = (await (await fetch(`${stack.url}/api/v1/groups?country=PT&per_page=100`)).json()) as { data: { slug: string }[] };
    expect(list.data.map((g) => g.slug)).toContain(SLUG);
  }, 120_000);
});

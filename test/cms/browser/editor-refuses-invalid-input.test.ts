/**
 * Invalid input is refused in the editor with the schema's own message, and nothing reaches git:
 * a slug that breaks the slug pattern is marked at the field; rules a pattern cannot express
 * (a web address, dates in order) stop the save with the content build's messages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFields, entrySchema } from '../../../src/schema/entry.ts';
import { enumLabel } from '../../../src/i18n/labels.ts';
import { startStack, type Stack } from '../../support/start-stack.ts';
import { cspViolations, launchBrowser, openPage, PROJECT_ROOT, saveFailureArtifacts, type TestPage } from '../../support/cms-browser.ts';
import { choose, field, logIn, openNewGroup, save } from '../../support/decap-ui.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ root: PROJECT_ROOT }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The schema's message for one value of one field. */
function schemaMessage(name: keyof typeof entryFields, value: unknown): string {
  const result = entryFields[name].safeParse(value);
  if (result.success) throw new Error(`the schema accepts ${String(value)} for ${name}`);
  return result.error.issues[0]!.message;
}

async function fillValidGroup(tp: TestPage, slug: string): Promise<void> {
  const { page } = tp;
  await field(page, 'slug').fill(slug);
  await field(page, 'name').fill('Refused Union');
  await field(page, 'summary').fill('Never saved.');
  await choose(page, 'network_relation', [enumLabel('en', 'relation', 'member')]);
  await field(page, 'created').fill('2026-11-27');
  await field(page, 'updated').fill('2026-11-27');
}

const cmsBranches = () => stack.git('branch', '--list', 'cms/*');

describe('the editor refuses invalid input', () => {
  it("marks a bad slug at the field with the schema's message, and saves nothing", async ({ onTestFailed, onTestFinished }) => {
    const tp = await openPage(browser);
    onTestFinished(() => expect(cspViolations(tp)).toEqual([]));
    onTestFailed(() => saveFailureArtifacts('editor-refuses-bad-slug', tp, stack));
    await logIn(tp.page, stack.url);
    await openNewGroup(tp.page, stack.url);
    await fillValidGroup(tp, 'Refused Union!');
    await save(tp.page);
    await tp.page.getByText(`Slug: ${schemaMessage('slug', 'Refused Union!')}`, { exact: true }).waitFor();
    expect(await cmsBranches()).toBe('');
    await tp.page.close();
  }, 90_000);

  it("stops the save with the build's messages for rules a pattern cannot express", async ({ onTestFailed, onTestFinished }) => {
    const tp = await openPage(browser);
    onTestFinished(() => expect(cspViolations(tp)).toEqual([]));
    onTestFailed(() => saveFailureArtifacts('editor-refuses-entry-rules', tp, stack));
    await logIn(tp.page, stack.url);
    await openNewGroup(tp.page, stack.url);
    await fillValidGroup(tp, 'refused-union');
    // (A website without its scheme is now refused at the field: the schema states it as a pattern.)
    await field(tp.page, 'created').fill('2026-11-28');
    await field(tp.page, 'updated').fill('2026-11-27');
    await save(tp.page);

    const order = entrySchema.safeParse({ ...validEntry(), created: '2026-11-28', updated: '2026-11-27' });
    const orderMessage = order.error!.issues.find((i) => i.path[0] === 'updated')!.message;
    const toast = tp.page.getByText(/^Not saved\./);
    await toast.waitFor();
    const text = await toast.innerText();
    expect(text).toContain(`Updated: ${orderMessage}`);
    expect(await cmsBranches()).toBe('');

    // Fixed, it saves.
    await field(tp.page, 'updated').fill('2026-11-28');
    await save(tp.page);
    await tp.page.getByText('Entry saved').waitFor();
    expect(await cmsBranches()).toContain('cms/groups/refused-union');
    await tp.page.close();
  }, 90_000);
});

function validEntry() {
  return { slug: 'x', name: 'X', summary: { en: 'X.' }, network_relation: 'member', created: '2026-11-27', updated: '2026-11-27' };
}

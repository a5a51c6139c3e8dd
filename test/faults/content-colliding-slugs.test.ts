/**
 * Two files end up claiming one slug — a group file copied or renamed without its slug, a slug
 * edited to another group's, a file name differing only in case (as a case-insensitive checkout
 * makes them), a term saved as `.yaml` beside its `.yml`. Two entries under one address would
 * make the directory serve one of them at random; the build fails naming the file to fix — the
 * one not named after the slug, whichever sorts first — and the last good artefact stays, served
 * whole by the API. Undone, the content builds again, to the same bytes.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentSandbox, type ContentSandbox } from '../support/content-sandbox.ts';

let sandbox: ContentSandbox;
beforeAll(async () => {
  sandbox = await contentSandbox();
});
afterAll(async () => sandbox?.close());

/** What each test changed: put back after it, pass or fail, so the next starts from the shipped content. */
const undo: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
  expect((await sandbox.build()).ok).toBe(true);
  expect(sandbox.snapshot()).toEqual(sandbox.good);
});

async function addFile(relative: string, content: Buffer | string) {
  await writeFile(sandbox.file(relative), content);
  undo.push(() => rm(sandbox.file(relative)));
}

async function editFile(relative: string, edit: (text: string) => string) {
  const original = await readFile(sandbox.file(relative), 'utf8');
  await writeFile(sandbox.file(relative), edit(original));
  undo.push(() => writeFile(sandbox.file(relative), original));
}

/** The build refuses with exactly these messages; generated/ and the API are the last good ones. */
async function expectRefused(messages: string[]) {
  const result = await sandbox.build();
  expect(result.ok ? [] : [...result.messages].sort()).toEqual([...messages].sort());
  expect(sandbox.snapshot()).toEqual(sandbox.good);
  expect(await sandbox.listTotal()).toBe(sandbox.artefact.entries.length);
}

/**
 * Two shipped slugs where one is a prefix of the other (`adl`, `adl-varese`): their files sort
 * `adl-varese.md` before `adl.md`, the order in which a stray file would claim a slug first.
 */
const prefixPair = () => {
  const slugs = sandbox.artefact.entries.map((e) => e.slug).sort();
  const a = slugs.find((s) => slugs.some((t) => t.startsWith(`${s}-`)));
  return a ? { a, b: slugs.find((t) => t.startsWith(`${a}-`))! } : { a: slugs[0]!, b: slugs[1]! };
};

describe('two files claiming one slug', () => {
  it('a group file copied or renamed without its slug: the copy is named, not the original', async () => {
    const { a } = prefixPair();
    const copy = `content/groups/${a}-copy.md`; // sorts before content/groups/${a}.md
    await addFile(copy, await readFile(sandbox.file(`content/groups/${a}.md`)));
    await expectRefused([
      `${copy} → slug: "${a}" does not match the file name; rename the file to ${a}.md or change the slug to "${a}-copy"`,
      `${copy} → slug: "${a}" is already used by content/groups/${a}.md`,
    ]);
  });

  it('a slug edited to another group’s', async () => {
    const { a, b } = prefixPair();
    await editFile(`content/groups/${b}.md`, (text) => text.replace(new RegExp(`^(\\s+slug: )${b}$`, 'm'), `$1${a}`));
    await expectRefused([
      `content/groups/${b}.md → slug: "${a}" does not match the file name; rename the file to ${a}.md or change the slug to "${b}"`,
      `content/groups/${b}.md → slug: "${a}" is already used by content/groups/${a}.md`,
    ]);
  });

  it('a file name differing only in case', async () => {
    const { a } = prefixPair();
    const upper = `content/groups/${a.toUpperCase()}.md`; // upper case sorts first
    await addFile(upper, await readFile(sandbox.file(`content/groups/${a}.md`)));
    await expectRefused([
      `${upper} → slug: "${a}" does not match the file name; rename the file to ${a}.md or change the slug to "${a.toUpperCase()}"`,
      `${upper} → slug: "${a}" is already used by content/groups/${a}.md`,
    ]);
  });

  it('a taxonomy term saved as .yaml beside its .yml', async () => {
    const term = sandbox.artefact.taxonomies.subjects[0]!.slug;
    await addFile(`content/subjects/${term}.yaml`, await readFile(sandbox.file(`content/subjects/${term}.yml`)));
    // Both are named after the slug; the folder is read in name order, and ".yaml" sorts first.
    await expectRefused([`content/subjects/${term}.yml → slug: "${term}" is already used by content/subjects/${term}.yaml`]);
  });
});

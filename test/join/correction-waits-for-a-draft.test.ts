/**
 * A correction never clobbers an editor's draft. When the entry already has a branch
 * `cms/groups/<slug>` (an editor's unpublished change), the correction is stored and queued
 * (`draft_open`), the draft is left exactly as it was, the editor is told once on the draft's pull
 * request, and the correction arrives as its own Workflow change once the draft is published or
 * deleted — on GitHub and in the local repository.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { editEntryFile } from '../../src/content/edit-entry-file.ts';
import { fixtureFiles, validCorrection } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const repo = '/repos/labour-network/directory';
const PATH = 'content/groups/cgt-spain.md';
const HOUR = 3_600_000;

describe('a correction of an entry with an open draft, on GitHub', () => {
  it('waits in the queue, tells the draft once, leaves it intact, and is delivered after the draft is published', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const gh = h.github!;
    const draftFile = editEntryFile(gh.fileAt('main', PATH)!, [{ field: 'city', to: 'Barcelona' }]);
    const draft = gh.openDraft('cms/groups/cgt-spain', PATH, draftFile, 'Update groups “cgt-spain”');
    const draftHead = gh.headOf('cms/groups/cgt-spain');

    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ state: 'queued', pull_request: null });
    const reference: string = r.body.reference;
    expect(await h.store.get(reference)).toMatchObject({ state: 'queued', delivery: { last_error: 'draft_open', draft_pull_noted: draft } });
    expect(gh.headOf('cms/groups/cgt-spain')).toBe(draftHead);
    expect(gh.fileAt('cms/groups/cgt-spain', PATH)).toBe(draftFile);
    expect(gh.pulls).toHaveLength(1);
    expect(gh.comments).toEqual([{ number: draft, body: expect.stringContaining('- **Website:** `https://cgt.org.es/` → `https://www.cgt.es/`') }]);
    expect(gh.comments[0]!.body).toContain(reference);
    expect(gh.unexpected).toEqual([]);

    // Later attempts while the draft is open: one look at the branch (and its commit), nothing else.
    gh.clearRequests();
    h.clock.advance(HOUR);
    expect(await h.runtime.drain(10_000, { all: true })).toEqual({ delivered: [], queued: [reference], skipped: [] });
    expect(gh.calls()).toEqual([`GET ${repo}/git/ref/heads/cms/groups/cgt-spain`, `GET ${repo}/git/commits/${draftHead}`]);
    expect(gh.comments).toHaveLength(1);

    // The editor publishes the draft; the next attempt delivers the correction on top of it.
    gh.mergePull(draft);
    h.clock.advance(HOUR);
    expect(await h.runtime.drain(10_000, { all: true })).toEqual({ delivered: [reference], queued: [], skipped: [] });
    expect(gh.pulls).toHaveLength(2);
    expect(gh.pulls[1]).toMatchObject({ title: 'Update groups “cgt-spain”', state: 'open', labels: ['decap-cms/pending_review', 'correction-request'] });
    expect(gh.fileAt('cms/groups/cgt-spain', PATH)).toBe(draftFile.replace('  website: https://cgt.org.es/\n', '  website: https://www.cgt.es/\n'));
    expect((await h.store.get(reference))!.state).toBe('pull_request_opened');
  });

  it('settles as accepted, with no pull request, when the draft published the same values', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const gh = h.github!;
    const draft = gh.openDraft(
      'cms/groups/cgt-spain',
      PATH,
      editEntryFile(gh.fileAt('main', PATH)!, [{ field: 'website', to: 'https://www.cgt.es/' }]),
      'Update groups “cgt-spain”',
    );
    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() });
    expect(r.status).toBe(202);
    gh.mergePull(draft);
    h.clock.advance(HOUR);
    await h.runtime.drain(10_000, { all: true });
    expect(gh.pulls).toHaveLength(1);
    expect((await h.store.get(r.body.reference))!.state).toBe('accepted');
  });
});

describe('a correction in the local repository (npm start)', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'e', GIT_AUTHOR_EMAIL: 'e@e', GIT_COMMITTER_NAME: 'e', GIT_COMMITTER_EMAIL: 'e@e' },
    }).trim();

  it('becomes a branch decap-server lists as an edit: one commit changing only the corrected line, status pending review', async () => {
    h = await joinHarness({ mode: 'local-git', repoFiles: fixtureFiles() });
    const repoPath = h.repoPath!;
    const original = git(repoPath, 'show', `main:${PATH}`);
    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() });
    expect(r.status).toBe(201);
    expect(git(repoPath, 'rev-list', '--count', 'main..cms/groups/cgt-spain')).toBe('1');
    expect(git(repoPath, 'log', '-1', '--format=%s', 'cms/groups/cgt-spain')).toBe('Update groups “cgt-spain”');
    expect(git(repoPath, 'diff', '--name-status', 'main', 'cms/groups/cgt-spain')).toBe(`M\t${PATH}`);
    expect(git(repoPath, 'show', `cms/groups/cgt-spain:${PATH}`)).toBe(original.replace('  website: https://cgt.org.es/', '  website: https://www.cgt.es/'));
    expect(git(repoPath, 'config', '--get', 'branch.cms/groups/cgt-spain.description')).toBe('decap-cms/pending_review');
    expect(git(repoPath, 'status', '--porcelain')).toBe('');

    // Publishing merges it into main (as decap-server does) and deletes the branch: accepted.
    git(repoPath, 'merge', '--no-ff', '--no-edit', 'cms/groups/cgt-spain');
    git(repoPath, 'branch', '-D', 'cms/groups/cgt-spain');
    const status = await h.runtime.status(new Request(`https://directory.example/api/v1/join/${r.body.reference}`));
    expect(((await status.json()) as { state: string }).state).toBe('accepted');
  });

  it('leaves an editor’s local draft intact, waits, and arrives once the draft is deleted', async () => {
    h = await joinHarness({ mode: 'local-git', repoFiles: fixtureFiles() });
    const repoPath = h.repoPath!;
    // An editor's draft, as decap-server leaves it: a branch with its own commit and status.
    git(repoPath, 'checkout', '-q', '-b', 'cms/groups/cgt-spain');
    execFileSync('sh', ['-c', `sed -i 's/^  name: .*/  name: Confederación General del Trabajo (CGT)/' ${PATH}`], { cwd: repoPath });
    git(repoPath, 'commit', '-q', '-am', 'Update groups “cgt-spain”');
    git(repoPath, 'checkout', '-q', 'main');
    git(repoPath, 'config', 'branch.cms/groups/cgt-spain.description', 'decap-cms/draft');
    const draftHead = git(repoPath, 'rev-parse', 'cms/groups/cgt-spain');

    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() });
    expect(r.status).toBe(202);
    expect(await h.store.get(r.body.reference)).toMatchObject({ state: 'queued', delivery: { last_error: 'draft_open' } });
    expect(git(repoPath, 'rev-parse', 'cms/groups/cgt-spain')).toBe(draftHead);
    expect(git(repoPath, 'config', '--get', 'branch.cms/groups/cgt-spain.description')).toBe('decap-cms/draft');

    git(repoPath, 'branch', '-D', 'cms/groups/cgt-spain'); // the editor deletes the draft
    h.clock.advance(HOUR);
    expect((await h.runtime.drain(10_000, { all: true })).delivered).toEqual([r.body.reference]);
    expect(git(repoPath, 'diff', 'main', 'cms/groups/cgt-spain', '--', PATH)).toContain('+  website: https://www.cgt.es/');
  });
});

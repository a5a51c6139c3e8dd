/**
 * A public correction becomes the pull request Decap CMS's editorial workflow makes for an edit of
 * an existing entry: branch `cms/groups/<slug>`, one commit changing only the corrected lines of
 * `content/groups/<slug>.md`, title `Update groups “<slug>”`, the status label and
 * `correction-request`, and a body that shows the change field by field — through the same
 * pipeline as a join (token, honeypot, encrypted contact, store, queue).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEntryFile, encodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import { decryptContact } from '../../src/join/store/contact-encryption.ts';
import { HONEYPOT_FIELD } from '../../src/join/intake/take-in.ts';
import { entrySchema } from '../../src/schema/entry.ts';
import { joinReceiptSchema } from '../../src/schema/join.ts';
import { fixtureFiles, joinFixtureEntries, validCorrection } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const repo = '/repos/labour-network/directory';
const PATH = 'content/groups/cgt-spain.md';
const cgt = joinFixtureEntries[0]!;
const CONTACT = validCorrection({}).contact as Record<string, string>;

describe('a correction opens a Decap-shaped pull request for an edit', () => {
  it('changes only the corrected line, in seven GitHub calls, with the update title and the two labels', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const gh = h.github!;
    const base = gh.headOf('main')!;
    const original = gh.fileAt('main', PATH)!;
    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() });

    expect(r.status).toBe(201);
    expect(joinReceiptSchema.safeParse(r.body).success).toBe(true);
    const reference: string = r.body.reference;
    expect(r.body).toMatchObject({ state: 'pull_request_opened', pull_request: { number: 1 } });
    expect(gh.calls()).toEqual([
      `GET ${repo}/git/ref/heads/main`,
      `GET ${repo}/contents/${PATH}`,
      `POST ${repo}/git/trees`,
      `POST ${repo}/git/commits`,
      `POST ${repo}/git/refs`,
      `POST ${repo}/pulls`,
      `POST ${repo}/issues/1/labels`,
    ]);
    expect(gh.requests[1]!.query).toEqual({ ref: base });
    expect(gh.unexpected).toEqual([]);

    const [, , tree, commit, ref, pull, labels] = gh.requests.map((q) => q.body as Record<string, any>);
    const file = tree!.tree[0].content as string;
    // Byte for byte: the original with one line replaced.
    expect(file).toBe(original.replace('  website: https://cgt.org.es/\n', '  website: https://www.cgt.es/\n'));
    expect(file).not.toBe(original);
    const parsed = parseFrontMatter(file);
    expect(entrySchema.parse(decodeEntryFile(parsed.data, parsed.body).value)).toEqual({ ...cgt, website: 'https://www.cgt.es/' });
    expect(tree).toEqual({ base_tree: base, tree: [{ path: PATH, mode: '100644', type: 'blob', content: file }] });
    expect(commit).toMatchObject({ message: `Update groups “cgt-spain”\n\nJoin-Reference: ${reference}\n`, parents: [base] });
    expect(ref).toEqual({ ref: 'refs/heads/cms/groups/cgt-spain', sha: gh.headOf('cms/groups/cgt-spain') });
    expect(pull).toMatchObject({ title: 'Update groups “cgt-spain”', head: 'cms/groups/cgt-spain', base: 'main' });
    expect(labels).toEqual({ labels: ['decap-cms/pending_review', 'correction-request'] });
    expect(gh.changedPaths('main', 'cms/groups/cgt-spain')).toEqual([PATH]);

    // The body: the change field by field, inert; who says so; no personal data.
    const body = pull!.body as string;
    expect(body).toContain(`## Correction ${reference}`);
    expect(body).toContain('- **Website:** `https://cgt.org.es/` → `https://www.cgt.es/`');
    expect(body).toContain('- **Speaks for the group:** yes');
    for (const value of Object.values(CONTACT)) expect(JSON.stringify(gh.requests.map((q) => q.body))).not.toContain(value);
    for (const value of Object.values(CONTACT)) expect(h.log.lines.join('\n')).not.toContain(value);

    // The contact details: encrypted in the store, readable with an editor's identity.
    const bundle = await decryptContact((await h.store.getContact(reference))!, [h.identity]);
    expect(bundle.contact).toEqual(CONTACT);
    expect(await h.store.get(reference)).toMatchObject({
      kind: 'correction',
      correction: { slug: 'cgt-spain', changes: [{ field: 'website', from: 'https://cgt.org.es/', to: 'https://www.cgt.es/' }] },
    });
  });

  it('changes translated texts per language, removes values sent as null, and records the source it was given', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const gh = h.github!;
    const r = await h.correct('cgt-spain', {
      ...validCorrection({ summary: { fr: 'Confédération anarcosyndicaliste.' }, website: null, city: 'Madrid' }),
      source_url: 'https://cgt.org.es/quienes-somos/',
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
    const file = gh.fileAt('cms/groups/cgt-spain', PATH)!;
    const reference: string = r.body.reference;
    const expected = {
      ...cgt,
      website: undefined,
      city: 'Madrid',
      summary: { ...cgt.summary, fr: 'Confédération anarcosyndicaliste.' },
      sources: [{ url: 'https://cgt.org.es/quienes-somos/', title: `Correction ${reference}, received 2026-03-01` }],
    };
    delete expected.website;
    const parsed = parseFrontMatter(file);
    expect(entrySchema.parse(decodeEntryFile(parsed.data, parsed.body).value)).toEqual(expected);
    // The fixture file is the encoder's, and the edit puts every value where the encoder would.
    expect(file).toBe(encodeEntryFile(entrySchema.parse(expected)));
    const body = gh.pulls[0]!.body!;
    expect(body).toContain('- **Website:** remove `https://cgt.org.es/`');
    expect(body).toContain('- **City:** add `Madrid`');
    expect(body).toContain('- **Summary (fr):** add `Confédération anarcosyndicaliste.`');
    expect(body).toContain('add `https://cgt.org.es/quienes-somos/`');
  });

  it('refuses what changes nothing (400), an unknown entry (404), editorial fields, an emptied name, and a relation claim without a source', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const same = await h.correct('cgt-spain', { ...validCorrection({ name: cgt.name, website: cgt.website, countries: ['ES'] }), form_token: h.token() });
    expect(same.status).toBe(400);
    expect(same.body.error.fields).toEqual({ changes: expect.stringContaining('nothing differs from the entry') });

    const unknown = await h.correct('no-such-group', { ...validCorrection({ website: 'https://x.example/' }), form_token: h.token() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');

    const editorial = await h.correct('cgt-spain', {
      ...validCorrection({ network_relation: 'founding_member', slug: 'cgt', sources: [{ url: 'https://x.example/' }] }),
      form_token: h.token(),
    });
    expect(editorial.status).toBe(400);
    expect(Object.keys(editorial.body.error.fields).sort()).toEqual(['network_relation', 'slug', 'sources']);
    expect(editorial.body.error.fields.network_relation).toContain('relation_claim');

    const nameless = await h.correct('cgt-spain', { ...validCorrection({ name: null }), form_token: h.token() });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.fields).toEqual({ name: 'is required' });

    const claim = await h.correct('cgt-spain', { ...validCorrection({ relation_claim: 'Left the network in 2025.' }), form_token: h.token() });
    expect(claim.status).toBe(400);
    expect(claim.body.error.fields).toEqual({ source_url: 'give a page that shows the change of relation to the network' });

    const robot = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://x.example/' }), form_token: h.token(), [HONEYPOT_FIELD]: 'x' });
    expect(robot.status).toBe(400);
    const tokenless = await h.correct('cgt-spain', validCorrection({ website: 'https://x.example/' }));
    expect(tokenless.status).toBe(400);
    expect(tokenless.body.form_token).toEqual(expect.any(String));
    expect(h.github!.requests).toEqual([]); // nothing reached GitHub
  });

  it('delivers a relation claim with its source as a note in the pull request, and the source in the entry', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const r = await h.correct('solidaires', {
      ...validCorrection({ relation_claim: 'Solidaires hosted the 2025 meeting as a founding member.' }),
      source_url: 'https://solidaires.org/rencontre-2025',
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
    const body = h.github!.pulls[0]!.body!;
    expect(body).toContain('**About the relation to the network**');
    expect(body).toContain('```text\nSolidaires hosted the 2025 meeting as a founding member.\n```');
    const file = h.github!.fileAt('cms/groups/solidaires', 'content/groups/solidaires.md')!;
    expect(file).toContain('  sources:\n    - url: https://solidaires.org/rencontre-2025\n');
    expect(file).toContain('  network_relation: member\n'); // the claim changes nothing by itself
  });

  it('accepts a plain form post: prefilled fields sent back, one changed, one emptied; answers with a 303 to the thank-you page', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const form = new URLSearchParams({
      form_token: h.token(),
      lang: 'fr',
      [HONEYPOT_FIELD]: '',
      name: cgt.name,
      short_name: 'CGT',
      website: '',
      email: 'info@cgt.example',
      'summary.es': cgt.summary.es!,
      'summary.en': '',
      speaks_for_group: 'false',
      source_url: '',
      relation_claim: '',
      'contact.name': 'Marta Ruiz',
      'contact.email': 'marta@example.net',
      consent: 'true',
    });
    form.append('countries', '');
    form.append('countries', 'ES');
    form.append('subjects', '');
    const response = await h.runtime.correct(
      new Request('https://directory.example/api/v1/groups/cgt-spain/corrections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/fr\/groups\/cgt-spain\/correction\/thanks\?reference=[0-9A-Z-]{19}$/);
    const record = (await h.store.get(response.headers.get('location')!.split('=')[1]!))!;
    expect(record.correction!.changes).toEqual([
      { field: 'website', from: 'https://cgt.org.es/' },
      { field: 'email', to: 'info@cgt.example' },
    ]);
    expect(record.correction!.speaks_for_group).toBe(false);
  });
});

/**
 * The correction form: an entry's page links to it (every language), it shows every field a
 * correction may change prefilled with the entry's public values and none of the editorial ones,
 * works without JavaScript, runs its script only with the page's nonce, and answers 404 for an
 * unknown entry. Its thank-you page shows a correction's state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/engine/directory.ts';
import { CORRECTABLE_FIELDS, EDITORIAL_FIELDS } from '../../src/schema/correction.ts';
import { renderEntryPage } from '../../src/site/entry-page.ts';
import { SITE_LOCALES } from '../../src/site/paths.ts';
import { fixtureFiles, joinFixtureArtefact, joinFixtureEntries, validCorrection } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const get = async (path: string) => {
  const response = await h.runtime.correctionPage(new Request(`https://directory.example${path}`));
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('the correction form', () => {
  it('is linked from every entry page, in every language', () => {
    const dir = createDirectory(joinFixtureArtefact);
    for (const locale of SITE_LOCALES) {
      const page = renderEntryPage(dir, 0, locale, 'https://directory.example', undefined);
      expect(page).toContain(`href="${locale === 'en' ? '' : `/${locale}`}/groups/${joinFixtureArtefact.entries[0]!.slug}/correction"`);
    }
  });

  it('shows every correctable field, prefilled, and no editorial field; its script carries the nonce', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const r = await get('/groups/cgt-spain/correction');
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(r.text).toContain(`<script nonce="${nonce}" src="/assets/join-form.js" defer></script>`);
    expect(r.text).toContain('<form id="join-form" method="post" action="/api/v1/groups/cgt-spain/corrections"');
    for (const field of CORRECTABLE_FIELDS) expect(r.text, field).toMatch(new RegExp(`name="${field}(\\.[a-z]{2})?"`));
    for (const field of EDITORIAL_FIELDS) expect(r.text, field).not.toMatch(new RegExp(`name="${field}"`));
    const cgt = joinFixtureEntries[0]!;
    expect(r.text).toContain(`name="name" value="${cgt.name}"`);
    expect(r.text).toContain(`name="website" value="${cgt.website}"`);
    expect(r.text).toMatch(/<option value="ES" selected>/);
    expect(r.text).toContain(`>${cgt.summary.es}</textarea>`);
    expect(r.text).toContain('<input type="hidden" name="countries" value="">');
    expect(r.text).toContain('name="speaks_for_group" value="true" required');
  });

  it('speaks French under /fr/, and answers 404 for an unknown entry', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const fr = await get('/fr/groups/solidaires/correction');
    expect(fr.status).toBe(200);
    expect(fr.text).toContain('<html lang="fr">');
    expect(fr.text).toContain('Proposer une correction : Union syndicale Solidaires');
    const missing = await get('/groups/no-such-group/correction');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Entry not found');
  });

  it('shows the state of a correction on its thank-you page, and of nothing else', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const sent = await h.correct('sud-rail', { ...validCorrection({ city: 'Paris' }), form_token: h.token() });
    const thanks = await get(`/groups/sud-rail/correction/thanks?reference=${sent.body.reference}`);
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('Your correction is waiting for review');
    expect((await get(`/groups/solidaires/correction/thanks?reference=${sent.body.reference}`)).status).toBe(404);
  });
});

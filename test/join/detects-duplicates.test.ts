/**
 * Duplicates: an application whose website domain or normalised name matches a published entry or
 * an open application is answered 409, naming the match; the applicant may confirm that their
 * group is another one, and the application is then delivered flagged for the editors.
 */
import { REFRESH_WINDOW_MS } from '../../src/join/delivery/deliver.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

describe('duplicates', () => {
  it('answers 409 for the website domain of a published entry, whatever its spelling', async () => {
    h = await joinHarness();
    for (const website of ['https://solidaires.org/', 'http://WWW.Solidaires.org/nous-rejoindre']) {
      const r = await h.post({ ...validApplication({ website }), form_token: h.token() });
      expect(r.status, website).toBe(409);
      expect(r.body.error).toEqual({
        code: 'conflict',
        message: 'This group seems to be in the directory already, or waiting for review.',
        fields: { website: 'the directory’s entry “Union syndicale Solidaires”' },
      });
    }
    expect(h.github!.requests).toEqual([]);
  });

  it('answers 409 for a name equal to an entry’s name or short name, ignoring case, accents and punctuation', async () => {
    h = await joinHarness();
    const cases = [
      ['confederacion general del trabajo', 'the directory’s entry “Confederación General del Trabajo”'],
      ['SOLIDAIRES', 'the directory’s entry “Union syndicale Solidaires”'],
      ['Sud Rail', 'the directory’s entry “SUD-Rail”'],
    ];
    for (const [name, message] of cases) {
      const r = await h.post({ ...validApplication({ name }), form_token: h.token() });
      expect(r.status, name).toBe(409);
      expect(r.body.error.fields).toEqual({ name: message });
    }
    const alternate = await h.post({ ...validApplication({ alternate_names: ['Confederación General del Trabajo'] }), form_token: h.token() });
    expect(alternate.body.error.fields).toEqual({ name: 'the directory’s entry “Confederación General del Trabajo”' });
  });

  it('does not compare acronyms, nor the domains of shared hosts', async () => {
    h = await joinHarness();
    const r = await h.post({
      ...validApplication({ name: 'Confederación General del Trabajo de Bolivia', short_name: 'CGT', website: 'https://www.facebook.com/cgtbolivia' }),
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
  });

  it('answers 409 for an application still waiting for review, without revealing it', async () => {
    h = await joinHarness();
    const first = await h.post({ ...validApplication(), form_token: h.token() });
    expect(first.status).toBe(201);
    const second = await h.post({ ...validApplication({ name: 'Trabajadoras del Hogar Unidas', short_name: 'THU' }), form_token: h.token() });
    expect(second.status).toBe(409);
    expect(second.body.error.fields).toEqual({ website: 'an application received on March 1, 2026 and waiting for review' });
    expect(JSON.stringify(second.body)).not.toContain(first.body.reference);
    const byName = await h.post({ ...validApplication({ website: 'https://elsewhere.example.org' }), form_token: h.token() });
    expect(byName.body.error.fields).toEqual({ name: 'an application received on March 1, 2026 and waiting for review' });
  });

  it('delivers, flagged as a possible duplicate, when the applicant confirms their group is another one', async () => {
    h = await joinHarness();
    const r = await h.post({ ...validApplication({ website: 'https://solidaires.org/sud-sante', confirm_distinct: true }), form_token: h.token() });
    expect(r.status).toBe(201);
    const [pull] = h.github!.pulls;
    expect(pull!.labels).toEqual(['decap-cms/pending_review', 'join-request', 'possible-duplicate']);
    expect(pull!.body).toContain('### ⚠ Possible duplicate');
    expect(pull!.body).toContain('- the same website domain `solidaires.org` as the entry `Union syndicale Solidaires` (`content/groups/solidaires.md`)');
  });

  it('names an accepted application about to be published', async () => {
    h = await joinHarness();
    await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.mergePull(1); // published in the CMS; the directory is rebuilt in a few minutes
    h.clock.advance(REFRESH_WINDOW_MS);
    await h.runtime.scheduled(5_000); // the scheduled run reads what editors did; submissions never ask GitHub
    const again = await h.post({ ...validApplication({ short_name: 'STH' }), form_token: h.token() });
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual({
      name: 'an application received on March 1, 2026 and accepted; it will appear in the directory shortly',
      website: 'an application received on March 1, 2026 and accepted; it will appear in the directory shortly',
    });
  });

  it('lets a group apply again once its earlier application was declined', async () => {
    h = await joinHarness();
    const first = await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.closePull(first.body.pull_request.number); // an editor deleted the entry in the CMS
    h.clock.advance(REFRESH_WINDOW_MS);
    await h.runtime.scheduled(5_000);
    const again = await h.post({ ...validApplication({ summary: { en: 'We applied again with more detail.' } }), form_token: h.token() });
    expect(again.status).toBe(201);
    expect(h.github!.pulls).toHaveLength(2);
  });
});

/**
 * `GET /api/v1/join/{reference}` and the thank-you page tell the applicant the truth: received,
 * queued, pull request opened, accepted, declined — and nothing personal.
 */
import { REFRESH_WINDOW_MS } from '../../src/join/delivery/deliver.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { joinStatusSchema } from '../../src/schema/join.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const status = async (reference: string) => {
  const r = await h.runtime.status(new Request(`https://directory.example/api/v1/join/${encodeURIComponent(reference)}`));
  return { status: r.status, headers: r.headers, body: await r.json() };
};
const thanks = async (reference: string, lang = 'en') => {
  const r = await h.runtime.page(new Request(`https://directory.example${lang === 'fr' ? '/fr' : ''}/join/thanks?reference=${encodeURIComponent(reference)}`));
  return { status: r.status, text: await r.text() };
};

describe('the state of an application', () => {
  it('follows the pull request: opened, then accepted when an editor publishes it', async () => {
    h = await joinHarness();
    const { body } = await h.post({ ...validApplication(), form_token: h.token() });
    expect((await status(body.reference)).body.state).toBe('pull_request_opened');
    expect((await thanks(body.reference)).text).toContain('Your application is waiting for review by the network’s editors.');
    h.github!.mergePull(1);
    h.clock.advance(60_000);
    // Within the refresh window the stored state is answered; GitHub is asked once the window has passed.
    expect((await status(body.reference)).body.state).toBe('pull_request_opened');
    h.clock.advance(REFRESH_WINDOW_MS);
    const accepted = await status(body.reference);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('cache-control')).toBe('no-store');
    expect(joinStatusSchema.parse(accepted.body)).toMatchObject({ state: 'accepted', updated_at: '2026-03-01T12:06:30.000Z' });
    expect((await thanks(body.reference, 'fr')).text).toContain('L’équipe éditoriale a accepté votre demande');
  });

  it('says declined when an editor deletes the entry', async () => {
    h = await joinHarness();
    const { body } = await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.closePull(1);
    h.clock.advance(REFRESH_WINDOW_MS);
    expect((await status(body.reference)).body.state).toBe('declined');
    expect((await thanks(body.reference)).text).toContain('The editors did not add this application to the directory.');
  });

  it('says queued, honestly, while GitHub is failing', async () => {
    h = await joinHarness({ budgetMs: 1_500 });
    h.github!.inject({ method: 'POST', path: '/repos/labour-network/directory/git/trees', times: Infinity, fault: { kind: 'server-error', status: 503 } });
    const { body } = await h.post({ ...validApplication(), form_token: h.token() });
    expect((await status(body.reference)).body).toMatchObject({ state: 'queued', pull_request: null });
    const page = await thanks(body.reference);
    expect(page.text).toContain('Your application is safely stored.');
    expect(page.text).toContain(body.reference);
  });

  it('keeps the last known state when GitHub cannot be asked', async () => {
    h = await joinHarness();
    const { body } = await h.post({ ...validApplication(), form_token: h.token() });
    h.github!.inject({ method: 'GET', path: '/repos/labour-network/directory/pulls/1', times: Infinity, fault: { kind: 'server-error', status: 502 } });
    h.clock.advance(REFRESH_WINDOW_MS);
    expect((await status(body.reference)).body.state).toBe('pull_request_opened');
    expect(h.github!.calls()).toContain('GET /repos/labour-network/directory/pulls/1');
  });

  it('answers 404 for unknown or malformed references, and reads references loosely', async () => {
    h = await joinHarness();
    const { body } = await h.post({ ...validApplication(), form_token: h.token() });
    for (const reference of ['0000-0000-0000-0000', 'nope', '../../etc/passwd', '%E0%A4%A']) {
      const r = await status(reference);
      expect(r.status, reference).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await thanks('0000-0000-0000-0000')).status).toBe(404);
    expect((await status(body.reference.toLowerCase())).body.reference).toBe(body.reference);
  });
});

/**
 * A correction goes through the same intake pipeline and door as a join (intake/take-in.ts,
 * endpoints/intake-endpoint.ts), so issue 10's defences hold for it too: a post from another site
 * is refused before its body is read, the honeypot is answered exactly as a damaged form token,
 * an overlong text is refused by its field's limit, and a form another request is still taking in
 * (its reference reserved `onlyIfNew` before anything is delivered) is answered as that submission.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyFormToken } from '../../src/join/intake/form-token.ts';
import { HONEYPOT_FIELD } from '../../src/join/intake/take-in.ts';
import { RELATION_CLAIM_MAX } from '../../src/schema/correction.ts';
import { fixtureFiles, validCorrection } from '../support/join-fixtures.ts';
import { FORM_SECRET, joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  h.runtime.correct(
    new Request('https://directory.example/api/v1/groups/cgt-spain/corrections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );

describe('a correction has the join’s defences', () => {
  it('refuses a post from another site before reading it, in the sender’s language, storing nothing', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const r = await post(
      { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: h.token() },
      { Origin: 'https://evil.example', 'Accept-Language': 'fr' },
    );
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({
      error: { code: 'forbidden', message: 'Les corrections ne sont acceptées que depuis le formulaire de ce site. Remplissez le formulaire de cette page.' },
    });
    expect((await h.store.listRecords()).blobs).toEqual([]);
    expect(h.github!.requests).toEqual([]);
  });

  it('answers the honeypot exactly as a damaged form token, and an overlong text by its limit', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const robot = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://x.example/' }), form_token: h.token(), [HONEYPOT_FIELD]: 'x' });
    const damaged = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://x.example/' }), form_token: 'not-a-token' });
    expect(robot.status).toBe(400);
    expect(Object.keys(robot.body.error.fields)).toEqual(['form_token']);
    expect(robot.body.error).toEqual(damaged.body.error);
    expect(robot.body.form_token).toEqual(expect.any(String));

    const long = await h.correct('cgt-spain', {
      ...validCorrection({ website: 'https://x.example/' }),
      source_url: 'https://www.cgt.es/',
      relation_claim: 'x'.repeat(10 * RELATION_CLAIM_MAX),
      form_token: h.token(),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields.relation_claim).toContain(String(RELATION_CLAIM_MAX));
    expect(h.github!.requests).toEqual([]);
  });

  it('answers a form another request is still taking in as that submission, delivering nothing itself', async () => {
    // Two requests at once cannot be raced reliably against the Blobs emulator (its onlyIfNew is
    // not atomic under concurrency), so the first request's reservation is made by hand.
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const token = h.token();
    const verified = verifyFormToken(token, { secret: FORM_SECRET, minFillMs: 0 }, h.clock());
    if (!verified.ok) throw new Error('the harness issued an invalid token');
    expect(await h.store.reserve(verified.reference, h.clock())).toBe(true);
    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ reference: verified.reference, state: 'received', repeated: true });
    expect(h.github!.requests).toEqual([]);
    expect((await h.store.listRecords()).blobs).toEqual([]);
  });

  it('answers the same form sent again with the first correction, opening nothing more', async () => {
    h = await joinHarness({ standIn: { files: fixtureFiles() } });
    const token = h.token();
    const verified = verifyFormToken(token, { secret: FORM_SECRET, minFillMs: 0 }, h.clock());
    if (!verified.ok) throw new Error('the harness issued an invalid token');
    const r = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: token });
    expect(r.status).toBe(201);
    expect(h.github!.pulls).toHaveLength(1);
    const again = await h.correct('cgt-spain', { ...validCorrection({ website: 'https://www.cgt.es/' }), form_token: token });
    expect(again.status).toBe(200);
    expect(again.body.reference).toBe(verified.reference);
    expect(h.github!.pulls).toHaveLength(1);
  });
});

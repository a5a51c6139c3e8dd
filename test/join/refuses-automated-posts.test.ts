/**
 * Abuse defences before anything is stored: the honeypot, and the signed, expiring form token
 * with its minimum fill time. A refused token comes back renewed, so a person can send again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken, MAX_TOKEN_AGE_MS, verifyFormToken } from '../../src/join/intake/form-token.ts';
import { HONEYPOT_FIELD } from '../../src/join/submit-application.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { FORM_SECRET, joinHarness, seededRandom, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness();
});
afterAll(async () => h?.close());

describe('automated posts', () => {
  it('refuses a filled honeypot without saying more', async () => {
    // Answered as a damaged form is: the answer never names the trap, so a robot learns nothing.
    const r = await h.post({ ...validApplication(), form_token: h.token(), [HONEYPOT_FIELD]: 'https://spam.example' });
    const damaged = await h.post({ ...validApplication(), form_token: 'v1.nonsense' });
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual(damaged.body.error);
    expect(JSON.stringify(r.body)).not.toContain(HONEYPOT_FIELD);
    expect(typeof r.body.form_token).toBe('string');
  });

  it('refuses posts that never loaded the form: no token, a damaged one, one signed elsewhere', async () => {
    const now = h.clock();
    const other = issueFormToken('another-secret-0123456789abcdefghijklmnop', new Date(now.getTime() - 60_000), seededRandom(3));
    const good = h.token();
    const tampered = good.replace(/^v1\.([0-9a-z]+)\./, (_, t: string) => `v1.${(parseInt(t, 36) + 1000).toString(36)}.`);
    const cases: [unknown, string][] = [
      [undefined, 'the form token is missing or damaged: load the form again'],
      ['v1.nonsense', 'the form token is missing or damaged: load the form again'],
      [other, 'the form token is not one this site issued: load the form again'],
      [tampered, 'the form token is not one this site issued: load the form again'],
    ];
    for (const [token, message] of cases) {
      const r = await h.post({ ...validApplication(), ...(token ? { form_token: token } : {}) });
      expect(r.status, String(token)).toBe(400);
      expect(r.body.error.fields).toEqual({ form_token: message });
      expect(verifyFormToken(r.body.form_token, { secret: FORM_SECRET }, new Date(h.clock().getTime() + 10_000)).ok).toBe(true);
    }
  });

  it('refuses a form sent faster than a person can fill it, then accepts it sent again', async () => {
    const token = issueFormToken(FORM_SECRET, h.clock(), seededRandom(11));
    h.clock.advance(1_000);
    const fast = await h.post({ ...validApplication(), form_token: token });
    expect(fast.status).toBe(400);
    expect(fast.body.error.fields).toEqual({ form_token: 'the form was submitted faster than a person can fill it in: check it and submit it again' });
    h.clock.advance(5_000);
    const again = await h.post({ ...validApplication(), form_token: fast.body.form_token });
    expect(again.status).toBe(201);
  });

  it('refuses a form left open too long, and hands a fresh token', async () => {
    const token = issueFormToken(FORM_SECRET, h.clock(), seededRandom(12));
    h.clock.advance(MAX_TOKEN_AGE_MS + 1);
    const r = await h.post({ ...validApplication({ name: 'Another Group', short_name: 'AG', website: 'https://ag.example.org' }), form_token: token });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.form_token).toBe('the form has expired: submit it again from the refreshed page');
    expect(r.body.form_token).not.toBe(token);
  });

  it('reports token and field problems together, so one round trip fixes both', async () => {
    const r = await h.post({ ...validApplication({ website: 'nope' }), form_token: 'forged' });
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['form_token', 'website']);
  });
});

/**
 * An attacker reads the source: no input within the documented limits may cost much more than an
 * ordinary application, in CPU or in GitHub calls. CPU is measured in bench/ (as ratios); here
 * the behaviour that keeps it bounded is checked, and every GitHub call is counted on the
 * stand-in (which records every request):
 *
 * - texts far above their field's maximum are refused unread, naming the field;
 * - long runs of white space are normalised in one pass (before the fix, a body of spaces pinned
 *   a function for a minute: these tests then ran into the test timeout);
 * - lists are capped by the schema, with a per-field 400 and no GitHub call;
 * - a refused submission (400, 409) makes no GitHub call, whatever names it claims;
 * - status reads ask GitHub at most once per reference per refresh window;
 * - one application's delivery makes at most 6 GitHub calls, however many same-named
 *   applications came before it, and every one of them reaches the editors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApplicationStore, type ApplicationRecord } from '../../src/join/store/application-store.ts';
import { createDelivery, REFRESH_WINDOW_MS } from '../../src/join/delivery/deliver.ts';
import { storedHolder } from '../../src/join/intake/find-duplicates.ts';
import { createQueue } from '../../src/join/store/queue.ts';
import type { ReviewTarget } from '../../src/join/delivery/review-target.ts';
import { memoryBlobs } from '../support/memory-blobs.ts';
import { LIST_LIMITS, PURPOSE_MAX } from '../../src/schema/entry.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, recordingLog, testClock, type JoinHarness } from '../support/join-harness.ts';

function openedRecord(reference: string, at: string): ApplicationRecord {
  return {
    format: 1,
    reference,
    state: 'pull_request_opened',
    received_at: at,
    updated_at: at,
    entry: {} as ApplicationRecord['entry'],
    duplicate_keys: { names: ['sintraho'] },
    possible_duplicates: [],
    has_message: false,
    delivery: { attempts: 1, target: 'github', pull_request: { number: 1, url: 'https://github.com/o/r/pull/1' }, checked_at: at },
  };
}

let h: JoinHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const form = (token: string, pairs: [string, string][]) =>
  new URLSearchParams([
    ['name', 'Sindicato de Trabajadoras del Hogar'],
    ['summary.en', 'Domestic workers organising.'],
    ['contact.name', 'Ana'],
    ['contact.email', 'ana@example.net'],
    ['consent', 'on'],
    ['form_token', token],
    ...pairs,
  ]).toString();

describe('the cost of any input', () => {
  it('refuses a body of white space at the size limit at once, naming the field, from JSON and from a form', async () => {
    h = await joinHarness();
    const spaces = `x${' '.repeat(240_000)}x`;
    const r = await h!.post({ ...validApplication(), purpose: { en: spaces }, form_token: h!.token() });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ 'purpose.en': `must be at most ${PURPOSE_MAX} characters` });

    const f = await h!.runtime.submit(
      new Request('https://directory.example/api/v1/join', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'Sec-Fetch-Site': 'same-origin' },
        body: form(h!.token(), [['purpose.fr', `x${' '.repeat(200_000)}x`]]),
      }),
    );
    expect(f.status).toBe(400);
    expect((await f.json()).error.fields).toEqual({ 'purpose.fr': `must be at most ${PURPOSE_MAX} characters` });
    expect(h!.github!.requests).toEqual([]);
  });

  it('keeps long runs of white space inside a text of valid length, normalised in one pass', async () => {
    h = await joinHarness();
    const run = `début${' '.repeat(19_000)}fin   \n\n\n\nsuite`;
    const purpose = Object.fromEntries(['en', 'fr', 'es', 'pt', 'it', 'de'].map((l) => [l, run]));
    const r = await h!.post({ ...validApplication(), purpose, form_token: h!.token() });
    expect(r.status).toBe(201);
    const stored = await h!.store.get(r.body.reference);
    expect(stored!.entry.purpose!.de).toBe(`début${' '.repeat(19_000)}fin\n\nsuite`);
  });

  it('refuses more list values than the schema allows, per field, without a GitHub call', async () => {
    h = await joinHarness();
    const names = Array.from({ length: 500 }, (_, i) => `Other name ${i}`);
    const links = Array.from({ length: 300 }, (_, i) => `https://social.example/${i}`);
    const r = await h!.post({ ...validApplication(), alternate_names: names, social: links, form_token: h!.token() });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({
      alternate_names: `give at most ${LIST_LIMITS.alternate_names} values`,
      social: `give at most ${LIST_LIMITS.social} values`,
    });
    expect(h!.github!.requests).toEqual([]);
  });

  it('answers a duplicate that claims every name it may with a 409 and no GitHub call', async () => {
    h = await joinHarness();
    const names = Array.from({ length: LIST_LIMITS.alternate_names }, (_, i) => `Sindicato Hogar ${i}`);
    const first = await h!.post({ ...validApplication({ alternate_names: names }), form_token: h!.token() });
    expect(first.status).toBe(201);
    h!.github!.clearRequests();
    h!.clock.advance(REFRESH_WINDOW_MS * 3); // long past any refresh window: still no call
    const again = await h!.post({ ...validApplication({ short_name: 'STH', alternate_names: names }), form_token: h!.token() });
    expect(again.status).toBe(409);
    const invalid = await h!.post({ ...validApplication({ countries: ['XX'] }), form_token: h!.token() });
    expect(invalid.status).toBe(400);
    expect(h!.github!.requests).toEqual([]);
  });

  it('asks GitHub about an application at most once per refresh window, however often its status is read', async () => {
    h = await joinHarness();
    const { body } = await h!.post({ ...validApplication(), form_token: h!.token() });
    h!.github!.clearRequests();
    // One after another here: the local Blobs emulation checks conditional writes non-atomically.
    // Reads at the same moment are covered below, over a store that checks them atomically as
    // Netlify Blobs does.
    const read = async () => {
      for (let i = 0; i < 10; i++) {
        await h!.runtime.status(new Request(`https://directory.example/api/v1/join/${body.reference}`));
        await h!.runtime.page(new Request(`https://directory.example/join/thanks?reference=${body.reference}`));
      }
    };
    await read(); // within the window of its opening: the stored state
    expect(h!.github!.requests).toEqual([]);
    for (let window = 1; window <= 3; window++) {
      h!.clock.advance(REFRESH_WINDOW_MS);
      await read();
      await read();
      expect(h!.github!.calls().filter((c) => c.startsWith('GET '))).toHaveLength(window);
    }
    expect(h!.github!.calls().every((c) => c === 'GET /repos/labour-network/directory/pulls/1')).toBe(true);
  });

  it('asks the review target once when many status reads arrive at the same moment', async () => {
    const blobs = memoryBlobs();
    const store = createApplicationStore(blobs);
    const clock = testClock();
    let asked = 0;
    const target: ReviewTarget = {
      kind: 'github',
      open: async () => ({ attempts: 0 }),
      status: async () => {
        asked++;
        return 'open';
      },
    };
    const delivery = createDelivery({
      store,
      queue: createQueue(blobs, clock),
      target,
      clock,
      log: recordingLog(),
      budgetMs: 1_000,
      holder: storedHolder(store, clock),
      isPublished: () => false,
    });
    const record = openedRecord('7KQ2-M9X4-T1B8-C3D5', clock().toISOString());
    await store.save(record);
    for (let window = 1; window <= 3; window++) {
      clock.advance(REFRESH_WINDOW_MS);
      await Promise.all(Array.from({ length: 50 }, async () => delivery.refresh((await store.get(record.reference))!)));
      expect(asked).toBe(window);
    }
  });

  it('delivers each of 21 applications with one short name in at most 6 GitHub calls, every one to the editors', async () => {
    h = await joinHarness();
    const references: string[] = [];
    for (let i = 0; i < 21; i++) {
      h!.github!.clearRequests();
      const r = await h!.post({
        ...validApplication({ name: `Syndicat SUD numéro ${i}`, short_name: 'SUD', website: `https://sud-${i}.example.org` }),
        form_token: h!.token(),
      });
      expect(r.status, `application ${i}`).toBe(201);
      expect(h!.github!.requests.length, `application ${i}: ${h!.github!.calls().join(', ')}`).toBeLessThanOrEqual(6);
      references.push(r.body.reference);
    }
    expect(h!.github!.pulls).toHaveLength(21);
    expect(new Set(h!.github!.pulls.map((p) => p.head)).size).toBe(21);
    for (const reference of references) expect((await h!.store.get(reference))!.state).toBe('pull_request_opened');
  });
});

/**
 * Every class of invalid request gets its status and, for bad input, a message per field — and
 * leaves no trace: no GitHub call, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { JOIN_BODY_LIMIT } from '../../src/schema/join.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness();
});
afterAll(async () => h?.close());

const URL_ = 'https://directory.example/api/v1/join';
const send = async (init: RequestInit) => {
  const response = await h.runtime.submit(new Request(URL_, { method: 'POST', ...init }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
};
const fieldsFor = async (body: Record<string, unknown>) => {
  const r = await h.post({ form_token: h.token(), ...body });
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('invalid_body');
  return r.body.error.fields as Record<string, string>;
};

describe('invalid requests', () => {
  it('answers other methods with 405 and Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const r = await h.runtime.submit(new Request(URL_, { method }));
      expect(r.status, method).toBe(405);
      expect(r.headers.get('allow')).toBe('POST, OPTIONS');
      expect((await r.json()).error.code).toBe('method_not_allowed');
    }
    expect((await h.runtime.submit(new Request(URL_, { method: 'OPTIONS' }))).status).toBe(204);
  });

  it('says what is wrong with an unreadable body in the sender’s language, the code unchanged', async () => {
    const cases = [
      { body: '{"name": ', id: 'join.answer.notJson' },
      { body: '["a list"]', id: 'join.answer.notObject' },
      { body: `{"name": ${'['.repeat(50)}${']'.repeat(50)}}`, id: 'join.answer.tooDeep' },
    ] as const;
    for (const { body, id } of cases) {
      const r = await send({ headers: { 'Content-Type': 'application/json', 'Accept-Language': 'pt-BR, en;q=0.5' }, body });
      expect(r.status, id).toBe(400);
      expect(r.body.error).toEqual({ code: 'invalid_body', message: t('pt', id) });
      const english = await send({ headers: { 'Content-Type': 'application/json' }, body });
      expect(english.body.error.message, id).toBe(t('en', id));
    }
  });

  it('answers other media types with 415', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', '']) {
      const r = await send({ headers: type ? { 'Content-Type': type } : {}, body: 'name=x' });
      expect(r.status, type).toBe(415);
      expect(r.body.error.code).toBe('unsupported_media_type');
    }
  });

  it('answers bodies above the limit with 413, declared or streamed', async () => {
    const declared = await send({ headers: { 'Content-Type': 'application/json', 'Content-Length': String(JOIN_BODY_LIMIT + 1) }, body: '{}' });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > JOIN_BODY_LIMIT * 4) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await send({ headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(JOIN_BODY_LIMIT * 2); // it stopped reading early
    const oneMegabyteField = await h.post({ ...validApplication({ purpose: { en: 'x'.repeat(1024 * 1024) } }), form_token: h.token() });
    expect(oneMegabyteField.status).toBe(413);
  });

  it('answers malformed JSON, non-objects and absurd nesting with 400', async () => {
    for (const body of ['{"name":', '[]', '"text"', 'null', '1', JSON.stringify({ contact: { name: { a: { b: { c: { d: { e: { f: 1 } } } } } } } })]) {
      const r = await send({ headers: { 'Content-Type': 'application/json' }, body });
      expect(r.status, body).toBe(400);
      expect(r.body.error.code).toBe('invalid_body');
    }
  });

  it('names every missing required field at once', async () => {
    expect(await fieldsFor({})).toEqual({
      name: 'is required',
      summary: 'is required',
      contact: 'is required',
      consent: 'tick the box to agree, or we cannot keep your contact details',
    });
    const fields = await fieldsFor({ ...validApplication(), summary: {}, contact: {} });
    expect(fields).toEqual({ summary: 'give it in at least one language', 'contact.name': 'is required', 'contact.email': 'is required' });
  });

  it('accepts only http(s) web addresses and real email addresses', async () => {
    for (const website of ['ftp://union.example.org', 'javascript:alert(1)', 'https://localhost', 'union.example.org', 'http://']) {
      expect((await fieldsFor(validApplication({ website }))).website, website).toBe('must be a web address starting with http:// or https://');
    }
    const fields = await fieldsFor(
      validApplication({ email: 'not-an-email', social: ['https://ok.example.org', 'mailto:x@y.z'], contact: { name: 'A', email: 'a@b' } }),
    );
    expect(fields).toEqual({
      email: 'must be an email address',
      social: 'value 2: must be a web address starting with http:// or https://',
      'contact.email': 'must be an email address',
    });
  });

  it('refuses unknown fields, wrong types, values out of range and unknown terms', async () => {
    expect(await fieldsFor(validApplication({ slug: '../../etc/passwd', network_relation: 'member', colour: 'red' }))).toEqual({
      slug: 'unknown field; check its spelling or remove it',
      network_relation: 'unknown field; check its spelling or remove it',
      colour: 'unknown field; check its spelling or remove it',
    });
    expect(await fieldsFor(validApplication({ founded: 'long ago', countries: 'FR', name: 'n'.repeat(201) }))).toEqual({
      founded: 'must be a whole year such as 1995',
      countries: 'must be a list',
      name: 'must be at most 200 characters',
    });
    expect(
      await fieldsFor(validApplication({ founded: 1789, countries: ['FR', 'XX'], geographic_scope: 'galactic', subjects: ['labour-rights', 'astrology'] })),
    ).toEqual({
      founded: 'must be 1800 or later',
      countries: 'value 2: "XX" is not an ISO 3166-1 alpha-2 country code',
      geographic_scope: 'must be one of: international, national, regional, local',
      subjects: 'value 2: "astrology" is not one of the directory’s subject headings',
    });
    expect(await fieldsFor(validApplication({ consent: false }))).toEqual({ consent: 'tick the box to agree, or we cannot keep your contact details' });
    expect(await fieldsFor(validApplication({ summary: { en: 's'.repeat(301) }, contact: { name: 'A', email: 'a@b.co', message: 'm'.repeat(5001) } }))).toEqual(
      {
        'summary.en': 'must be at most 300 characters',
        'contact.message': 'must be at most 5000 characters',
      },
    );
  });

  it('refuses a form field given twice', async () => {
    const form = new URLSearchParams({ form_token: h.token(), name: 'One' });
    form.append('name', 'Two');
    const r = await send({ headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ name: 'give this field only once' });
  });

  it('leaves no trace of refused requests', async () => {
    expect(h.github!.requests).toEqual([]);
    const { blobs } = await h.blobs.open('join-applications').list();
    expect(blobs).toEqual([]);
  });
});

/**
 * Fuzz: whatever a client sends to `POST /api/v1/join` — any JSON value of any shape, any form
 * body (repeated keys, broken percent-encodings, prototype names, keys nested too deep), any or no
 * Content-Type, bodies huge or nested thousands deep — the answer is a 2xx, a 303 (the plain form's
 * success) or a 4xx with the error envelope (JSON) or the form again (HTML): never a 5xx, never a
 * stack trace. Seeded and bounded, so every run checks the same cases.
 * test/join/handles-hostile-input.test.ts covers what hostile *text* becomes once accepted;
 * test/faults/written-files-round-trip.test.ts the files accepted applications write.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_BODY_LIMIT } from '../../src/schema/join.ts';
import { JOIN_FORM_SHAPE } from '../../src/join/intake/parse-body.ts';
import { joinReceiptSchema } from '../../src/schema/join.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';

const SEED = 20260416;
const URL_ = 'https://directory.example/api/v1/join';
const ERROR_CODES = ['invalid_body', 'conflict', 'payload_too_large', 'unsupported_media_type'];

let h: FaultHarness;
beforeAll(async () => {
  h = await faultHarness({ budgetMs: 5_000, seed: SEED });
});
afterAll(async () => h?.close());

let run = 0;
/** A complete application for a group no other run uses, so a valid one is not a duplicate. */
const uniqueApplication = () => {
  run++;
  return validApplication({ name: `Fuzz workers union ${run}`, short_name: `fz${run}`, website: `https://fuzz-${run}.example.org/` });
};

/** Every form field name, from the join schema (`summary.en`, `contact.email`, …). */
const FORM_NAMES = Object.entries(JOIN_FORM_SHAPE).flatMap(([name, field]) =>
  field.kind === 'object' ? Object.keys(field.children ?? {}).map((child) => `${name}.${child}`) : [name],
);
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const _hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202E',
    '\u200B',
    '\uFEFF',
    '\uD800',
    '../../etc/passwd',
    '---\nslug: x\n---',
    '{{constructor}}',
    'true',
    'on',
    '1e999',
    '-0',
    'NaN',
    '9'.repeat(40),
    'é'.repeat(400),
    '✊🏽'.repeat(100),
  ),
);

/** Sends one request as a client could; undefined when no client could send it (invalid header). */
async function send(init: { body?: BodyInit; headers?: Record<string, string> }) {
  let request: Request;
  try {
    request = new Request(URL_, { method: 'POST', ...init });
  } catch {
    return undefined;
  }
  const response = await h.runtime.submit(request);
  return { status: response.status, type: response.headers.get('content-type') ?? '', location: response.headers.get('location'), text: await response.text() };
}

type Answer = NonNullable<Awaited<ReturnType<typeof send>>>;

/** The answer is one the API documents, in the shape it documents; never a 5xx or a trace. */
function expectDocumentedAnswer(a: Answer, html: boolean) {
  expect([200, 201, 202, 303, 400, 409, 413, 415], a.text.slice(0, 300)).toContain(a.status);
  expect(a.text).not.toMatch(/\n\s+at .+\(|internal_error|TypeError|RangeError/);
  if (a.status === 303) {
    expect(html).toBe(true);
    expect(a.location).toMatch(/^\/(fr\/)?join\/thanks\?reference=[0-9A-Z-]{19}$/);
  } else if (html && a.status !== 415) {
    expect(a.type).toBe('text/html; charset=utf-8');
    expect(a.text).toContain('<form');
  } else {
    expect(a.type).toBe('application/json; charset=utf-8');
    const body = JSON.parse(a.text);
    if (a.status >= 400) {
      expect(ERROR_CODES).toContain(body.error.code);
      expect(typeof body.error.message).toBe('string');
    } else {
      expect(joinReceiptSchema.parse(body)).toMatchObject({ repeated: a.status === 200 });
    }
  }
}

describe('any body to POST /api/v1/join is answered 2xx, 303 or 4xx', () => {
  it('any JSON value, of any shape, alone or mixed into a valid application', async () => {
    const anyJson = fc.jsonValue({ maxDepth: 6 });
    const body = fc.oneof(
      anyJson.map((v) => JSON.stringify(v) ?? 'null'),
      // A valid application with some fields replaced by anything and some keys added.
      fc
        .tuple(
          fc.dictionary(fc.oneof(fc.constantFrom(...FORM_NAMES.map((n) => n.split('.')[0]!), ...PROTOTYPE_NAMES), fc.string({ maxLength: 8 })), anyJson, {
            maxKeys: 4,
          }),
          fc.boolean(),
        )
        .map(([changes, token]) => JSON.stringify({ ...uniqueApplication(), ...(token ? { form_token: h.token() } : {}), ...changes })),
      // The same, written by hand: a "__proto__" key is an own key in JSON.
      fc.constantFrom('{"__proto__": {"consent": true}}', '{"constructor": {"prototype": {"x": 1}}}', '{"summary": {"__proto__": "x"}}'),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, asForm) => {
        const a = await send({ headers: { 'Content-Type': 'application/json', Accept: asForm ? 'text/html' : 'application/json' }, body: text });
        expectDocumentedAnswer(a!, false);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('any form body: repeated keys, broken percent-encodings, prototype and unknown names', async () => {
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...FORM_NAMES, 'form_token', 'homepage') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...PROTOTYPE_NAMES,
          ...PROTOTYPE_NAMES.map((p) => `summary.${p}`),
          ...PROTOTYPE_NAMES.map((p) => `${p}.en`),
          'contact.name.first',
          'a.b.c.d.e.f.g',
          '',
          '.',
          'summary.',
          '.en',
          'summary..en',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
    );
    const broken = fc.constantFrom('%', '%%', '%Z9', '%E0%A4%A', '%C3', '%ED%A0%80', '%FF', '+', '%2', '%00', '&', '=', '==');
    const encoded = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('encoded', 'raw', 'broken'), broken, fc.nat())
      .map(([text, how, bad, at]) => {
        if (how === 'raw') return text;
        const e = encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'));
        return how === 'encoded' ? e : e.slice(0, at % (e.length + 1)) + bad + e.slice(at % (e.length + 1));
      });
    const pairs = fc.array(fc.tuple(key, encoded), { maxLength: 12 });
    // A valid form, then changes: fields removed, repeated or added.
    const form = fc
      .tuple(fc.boolean(), fc.subarray([...FORM_NAMES, 'consent', 'form_token']), pairs, fc.constantFrom('&', '&&', ';'))
      .map(([base, dropped, extra, separator]) => {
        const valid: [string, string][] = [];
        if (base) {
          for (const [name, value] of Object.entries({ ...uniqueApplication(), form_token: h.token() })) {
            if (Array.isArray(value)) for (const v of value) valid.push([name, String(v)]);
            else if (typeof value === 'object' && value !== null) for (const [child, v] of Object.entries(value)) valid.push([`${name}.${child}`, String(v)]);
            else valid.push([name, String(value)]);
          }
        }
        const kept = valid.filter(([name]) => !dropped.includes(name)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
        return [...kept, ...extra.map(([k, v]) => `${encodeURIComponent(k)}=${v}`)].join(separator);
      });
    await fc.assert(
      fc.asyncProperty(form, fc.boolean(), async (text, html) => {
        const a = await send({
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: html ? 'text/html,application/xhtml+xml' : 'application/json' },
          body: text,
        });
        expectDocumentedAnswer(a!, html);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('any Content-Type, or none, with any bytes: 415 exactly when it is neither JSON nor a form', async () => {
    const type = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'application/json',
        'APPLICATION/JSON; charset=utf-8',
        'application/json;charset=latin1',
        ' application/json ',
        'application/json, text/plain',
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded; charset=utf-16',
        'text/plain',
        'text/html',
        'multipart/form-data; boundary=x',
        'application/ld+json',
        'application/json-patch+json',
        '*/*',
        ';',
        '',
      ),
      fc.string({ maxLength: 30 }),
    );
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.constantFrom('{}', '[]', 'null', '"x"', 'name=x', '\uFEFF{}').map((t) => new TextEncoder().encode(t)),
    );
    await fc.assert(
      fc.asyncProperty(type, bytes, async (contentType, body) => {
        const a = await send({ headers: contentType === undefined ? {} : { 'Content-Type': contentType }, body: body as Uint8Array<ArrayBuffer> });
        if (!a) return; // a header no client could send
        const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
        expectDocumentedAnswer(a, media === 'application/x-www-form-urlencoded'); // no Accept: a browser's form post
        expect(a.status === 415).toBe(media !== 'application/json' && media !== 'application/x-www-form-urlencoded');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('bodies around the size limit: 413 exactly when larger, declared or streamed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -64, max: 64 }), fc.boolean(), fc.boolean(), async (delta, form, streamed) => {
        const size = JOIN_BODY_LIMIT + delta;
        const prefix = form ? 'summary.en=' : '{"summary":{"en":"';
        const suffix = form ? '' : '"}}';
        const text = prefix + 'x'.repeat(size - prefix.length - suffix.length) + suffix;
        const bytes = new TextEncoder().encode(text);
        const body = streamed ? new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes), c.close()) }) : text;
        const a = await send({
          headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json', Accept: 'application/json' },
          body,
          ...(streamed ? { duplex: 'half' } : {}),
        } as never);
        expectDocumentedAnswer(a!, false);
        expect(a!.status === 413).toBe(size > JOIN_BODY_LIMIT);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('JSON nested thousands deep, anywhere in the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('[', '{"a":'),
        fc.constantFrom('top', 'name', 'summary', 'contact'),
        async (depth, open, where) => {
          const close = open === '[' ? ']' : '}';
          const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
          if (nested.length > JOIN_BODY_LIMIT - 200) return;
          const text = where === 'top' ? nested : where === 'summary' ? `{"summary":{"en":${nested}}}` : `{"${where}":${nested}}`;
          const a = await send({ headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: text });
          expectDocumentedAnswer(a!, false);
          expect(a!.status).toBe(400);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('a form of one key repeated as often as the size limit allows, known or unknown, is answered 400', async () => {
    // Before this was fixed, grouping repeated keys copied the list on every value: the worst
    // 256 KB form held a function for a minute. Now it is one pass.
    for (const [pair, reason] of [
      ['a=&', 'unknown_field'],
      ['alternate_names=x&', 'too_big'],
      ['lang=en&', 'sent_twice'],
    ] as const) {
      const text = pair.repeat(Math.floor(JOIN_BODY_LIMIT / pair.length));
      const a = await send({ headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: text });
      expectDocumentedAnswer(a!, false);
      expect(a!.status, reason).toBe(400);
    }
  });

  it('wrote nothing anywhere but content/groups/ on branches cms/groups/*', () => {
    const gh = h.github;
    expect(gh.unexpected).toEqual([]);
    expect(gh.pulls.length).toBeGreaterThan(0); // valid applications were among the cases
    for (const q of gh.requests) {
      if (q.path.endsWith('/git/trees'))
        for (const e of (q.body as { tree: { path: string }[] }).tree) expect(e.path).toMatch(/^content\/groups\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      if (q.path.endsWith('/git/refs')) expect((q.body as { ref: string }).ref).toMatch(/^refs\/heads\/cms\/groups\/[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(h.log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

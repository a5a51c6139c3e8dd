/**
 * Every file an accepted application writes goes through the real content build — the shipped
 * content plus that file, read by `validateContent` (front matter, the Decap i18n decoder, the
 * entry schema, the taxonomies) and compiled by `buildArtefact` — and comes out as exactly the
 * values the applicant gave: each text as the join form documents its normalisation
 * (normalise-input.ts: line breaks, control and invisible characters, white space), lists as given,
 * and nothing else but the fields the pipeline sets (slug, relation `none`, source, dates). Hostile
 * text throughout — YAML and Markdown syntax, front matter fences, code fences, mentions, HTML,
 * right-to-left and invisible characters, any Unicode — sent as JSON and as a form. And no write
 * goes outside `content/groups/`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtefact } from '../../src/content/build-artefact.ts';
import { createMarkdownRenderer } from '../../src/content/render-markdown.ts';
import { formatProblem, validateContent } from '../../src/content/validate-content.ts';
import { normaliseText } from '../../src/join/intake/normalise-input.ts';
import { GEOGRAPHIC_SCOPES, STRUCTURES } from '../../src/schema/entry.ts';
import { CONTENT_LOCALES } from '../../src/schema/locales.ts';
import { faultHarness, type FaultHarness } from '../support/fault-harness.ts';
import { realContent } from '../support/real-content.ts';

const SEED = 20260417;
const RUNS = 100;

let h: FaultHarness;
let shipped: Awaited<ReturnType<typeof realContent>>;
beforeAll(async () => {
  shipped = await realContent();
  h = await faultHarness({ budgetMs: 5_000, seed: SEED, artefact: shipped.artefact });
});
afterAll(async () => h?.close());

const FRAGMENTS = [
  '\n---\n',
  '---',
  '...',
  ': ',
  '- ',
  '? ',
  '#',
  '# x',
  '&anchor',
  '*alias',
  '!!js/function',
  '!!binary',
  '%YAML 1.1',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|',
  '|-',
  '>',
  '\\',
  '\\n',
  '`',
  '```',
  '~~~',
  '    indented',
  '@octocat',
  '#123',
  '![x](https://evil.example/t.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '../',
  '..\\',
  '/etc/passwd',
  'C:\\',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u200D',
  '\u200F',
  '\u00AD',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\u0085',
  '\u2028',
  '\t',
  '\r\n',
  '\r',
  'é',
  'e\u0301',
  '✊🏽',
  '👩🏽‍🏭',
  'نقابة',
  'Ελλάδα',
  '東京',
  'null',
  'true',
  '~',
  '0x1F',
  '1e3',
  '2024-01-01',
];
const hostile = (maxParts: number) =>
  fc
    .array(fc.oneof({ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) }, { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }), {
      minLength: 1,
      maxLength: maxParts,
    })
    .map((parts) => parts.join(''));
/** One list item: no line break, since a form's list field takes one item per line. */
const hostileItem = hostile(6).map((t) => t.replace(/[\r\n\u0085\u2028\u2029]/g, ' '));

const upTo = <T>(values: readonly T[], max: number) => fc.subarray([...values], { maxLength: Math.min(max, values.length) });
const terms = (taxonomy: 'subjects' | 'sectors') => shipped.artefact.taxonomies[taxonomy].map((t) => t.slug);
const used = (field: 'countries' | 'languages') => [...new Set(shipped.content.entries.flatMap((e) => e[field] ?? []))].sort();

const applicationArb = () =>
  fc.record(
    {
      name: hostile(8),
      short_name: hostile(3),
      alternate_names: fc.uniqueArray(hostileItem, { maxLength: 3 }),
      summary: fc.dictionary(fc.constantFrom(...CONTENT_LOCALES), hostile(10), { minKeys: 1, maxKeys: 3 }),
      purpose: fc.dictionary(fc.constantFrom(...CONTENT_LOCALES), hostile(40), { maxKeys: 3 }),
      city: hostile(3),
      geographic_scope: fc.constantFrom(...GEOGRAPHIC_SCOPES),
      structure: fc.constantFrom(...STRUCTURES),
      countries: upTo(used('countries'), 3),
      languages: upTo(used('languages'), 3),
      subjects: upTo(terms('subjects'), 4),
      sectors: upTo(terms('sectors'), 2),
      founded: fc.integer({ min: 1800, max: 2100 }),
      contact: fc.record({ name: hostile(3), message: hostile(10) }),
    },
    { requiredKeys: ['name', 'summary', 'contact'] },
  );

type Given = ReturnType<typeof applicationArb> extends fc.Arbitrary<infer T> ? T : never;

let run = 0;

/** The request body: the generated fields, a unique website and name suffix (so no run is another's duplicate). */
function requestFor(given: Given, n: number): Record<string, unknown> {
  return {
    ...given,
    name: `${given.name} fz${n}`,
    website: `https://fz-${n}.example.org/`,
    contact: { ...given.contact, email: `applicant-${n}@example.net` },
    consent: true,
    form_token: h.token(),
  };
}

/** A form body as the join page sends it: lists repeated, nested fields as `summary.en`, booleans ticked. */
function asForm(body: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
    else if (typeof value === 'object' && value !== null) for (const [child, v] of Object.entries(value)) form.append(`${name}.${child}`, String(v));
    else form.append(name, value === true ? 'on' : String(value));
  }
  return form;
}

/** The entry the applicant gave, as the join form's documented normalisation makes it. */
function expectedEntry(body: Record<string, unknown>, given: Given) {
  const one = (text: string | undefined) => (text === undefined || normaliseText(text, false) === '' ? undefined : normaliseText(text, false));
  const texts = (values: Record<string, string> | undefined, multiline: boolean) => {
    const kept = Object.entries(values ?? {})
      .map(([l, t]) => [l, normaliseText(t, multiline)] as const)
      .filter(([, t]) => t !== '');
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  };
  const list = (values: readonly string[] | undefined) => {
    const kept = (values ?? []).map((v) => normaliseText(v, false)).filter((v) => v !== '');
    return kept.length > 0 ? kept : undefined;
  };
  const entry = {
    name: one(body.name as string),
    short_name: one(given.short_name),
    alternate_names: list(given.alternate_names),
    summary: texts(given.summary, false),
    purpose: texts(given.purpose, true),
    geographic_scope: given.geographic_scope,
    countries: list(given.countries),
    city: one(given.city),
    subjects: list(given.subjects),
    sectors: list(given.sectors),
    languages: list(given.languages),
    structure: given.structure,
    network_relation: 'none',
    website: body.website,
    founded: given.founded,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

describe('what an accepted application writes', () => {
  it('passes the real content build and reads back as exactly the values given, from JSON and from a form', { timeout: 120_000 }, async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(applicationArb(), fc.boolean(), async (given, viaForm) => {
        const n = ++run;
        const body = requestFor(given, n);
        const response = await h.runtime.submit(
          new Request('https://directory.example/api/v1/join', {
            method: 'POST',
            headers: { 'Content-Type': viaForm ? 'application/x-www-form-urlencoded' : 'application/json', Accept: 'application/json' },
            body: viaForm ? asForm(body) : JSON.stringify(body),
          }),
        );
        outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
        expect([201, 202, 400, 409]).toContain(response.status);
        if (response.status !== 201 && response.status !== 202) return;
        const { reference } = await response.json();
        const record = (await h.store.get(reference))!;
        expect(record.state).toBe('pull_request_opened');
        const path = `content/groups/${record.delivery.slug}.md`;
        expect(path).toMatch(/^content\/groups\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
        expect(h.github.changedPaths('main', record.delivery.branch!)).toEqual([path]);
        const text = h.github.fileAt(record.delivery.branch!, path)!;

        // The real build: the shipped content and this file, validated together, then compiled.
        const validated = validateContent({ ...shipped.raw, groups: [...shipped.raw.groups, { path, text }] });
        expect(validated.ok ? [] : validated.problems.map(formatProblem)).toEqual([]);
        if (!validated.ok) return;
        const artefact = buildArtefact(validated.content, createMarkdownRenderer());
        const built = artefact.entries.find((e) => e.slug === record.delivery.slug)!;
        const entry = validated.content.entries.find((e) => e.slug === record.delivery.slug)!;
        expect(built).toBeDefined();
        expect(artefact.entries).toHaveLength(shipped.artefact.entries.length + 1);

        // Exactly the values given, and only the fields the pipeline adds.
        const day = record.received_at.slice(0, 10);
        expect(entry).toEqual({
          ...expectedEntry(body, given),
          slug: record.delivery.slug,
          sources: [{ title: `Join application ${reference}, received ${day}` }],
          created: day,
          updated: day,
        });
        expect(entry).toEqual({ ...record.entry, slug: record.delivery.slug });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`[round trip] seed ${SEED}: ${RUNS} applications, answers ${JSON.stringify(outcomes)}`);
    // The property is not vacuous: most cases were accepted and went through the build.
    expect((outcomes[201] ?? 0) + (outcomes[202] ?? 0)).toBeGreaterThan(RUNS / 2);
    expect(h.github.unexpected).toEqual([]);
    for (const q of h.github.requests) {
      if (q.path.endsWith('/git/trees'))
        for (const e of (q.body as { tree: { path: string }[] }).tree) expect(e.path).toMatch(/^content\/groups\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      if (q.path.endsWith('/git/refs')) expect((q.body as { ref: string }).ref).toMatch(/^refs\/heads\/cms\/groups\/[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

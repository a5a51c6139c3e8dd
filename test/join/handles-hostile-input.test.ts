/**
 * Hostile input: YAML and Markdown injection, path traversal in names, huge fields, emoji,
 * right-to-left and invisible characters. The entry file is written by the YAML serialiser and
 * reads back to exactly what was validated; the pull request body shows applicant text inert;
 * no name can choose a path. Property tests are seeded, so every run checks the same cases.
 */
import fc from 'fast-check';
import { Marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntryFile } from '../../src/content/entry-file.ts';
import { parseFrontMatter } from '../../src/content/front-matter.ts';
import type { ApplicationRecord } from '../../src/join/store/application-store.ts';
import { buildEntry, entryFile, wishedSlug } from '../../src/join/intake/build-entry.ts';
import { normaliseText } from '../../src/join/intake/normalise-input.ts';
import { reviewText } from '../../src/join/delivery/review-text.ts';
import { entrySchema, SLUG_PATTERN } from '../../src/schema/entry.ts';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

const SEED = 20260301;
const marked = new Marked({ gfm: true });

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness();
});
afterAll(async () => h?.close());

/** Text an applicant could send: any Unicode, with the characters injection relies on made likely. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        '\n---\n',
        ': ',
        '- ',
        '#',
        '&a',
        '*a',
        '!!js/function',
        '{',
        '[',
        '"',
        "'",
        '|',
        '>',
        '`',
        '```',
        '@octocat',
        '![x](https://evil.example/t.png)',
        '<img src=x onerror=alert(1)>',
        '<script>alert(1)</script>',
        '[x](javascript:alert(1))',
        '#123',
        '../',
        '\u202E',
        '\u200B',
        '\u0000',
        'é',
        '✊🏽',
        'نقابة',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

function group(name: string, extra: Record<string, unknown> = {}) {
  const clean = normaliseText(name, false);
  return { name: clean === '' ? 'x' : clean.slice(0, 200), summary: { en: 'Summary.' }, ...extra };
}

describe('hostile input', () => {
  it('writes any name, summary and purpose into a file that reads back unchanged', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, summary, purpose) => {
        const s = normaliseText(summary, false).slice(0, 300);
        const p = normaliseText(purpose, true);
        const entry = buildEntry(
          group(name, { summary: { en: s === '' ? 'x' : s }, ...(p ? { purpose: { fr: p } } : {}) }) as never,
          '7KQ2-M9X4-T1B8-C3D5',
          new Date('2026-03-01T00:00:00Z'),
        );
        const file = entryFile(entry);
        const parsed = parseFrontMatter(file.content);
        const decoded = decodeEntryFile(parsed.data, parsed.body);
        expect(decoded.problems).toEqual([]);
        expect(entrySchema.parse(decoded.value)).toEqual(entry);
        expect(file.path).toMatch(/^content\/groups\/[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('derives a safe slug from any name: no applicant input chooses a path', () => {
    fc.assert(
      fc.property(hostileText, fc.option(hostileText, { nil: undefined }), (name, short) => {
        const slug = wishedSlug({ name, short_name: short });
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug.length).toBeLessThanOrEqual(60);
      }),
      { seed: SEED, numRuns: 500 },
    );
    expect(wishedSlug({ name: '../../.github/workflows/deploy.yml' })).toBe('github-workflows-deploy-yml');
    expect(wishedSlug({ name: 'نقابة العمال', website: 'https://naqaba.example.org' })).toBe('naqaba');
    expect(wishedSlug({ name: '✊🌹' })).toBe('group');
  });

  it('shows applicant text inert in the pull request body: no mention, image, link or HTML', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, summary, purpose) => {
        const entry = buildEntry(
          group(name, {
            summary: { en: normaliseText(summary, false).slice(0, 300) || 'x' },
            alternate_names: [normaliseText(summary, false) || 'y'],
            purpose: { en: normaliseText(purpose, true) || 'z' },
          }) as never,
          '7KQ2-M9X4-T1B8-C3D5',
          new Date('2026-03-01T00:00:00Z'),
        );
        const record = {
          reference: '7KQ2-M9X4-T1B8-C3D5',
          received_at: '2026-03-01T00:00:00.000Z',
          possible_duplicates: [],
          has_message: true,
        } as unknown as ApplicationRecord;
        const rendered = marked.parse(reviewText(record, entry, { path: entryFile(entry).path, siteUrl: 'https://directory.example' }), {
          async: false,
        }) as string;
        const tags = new Set([...rendered.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1]!.toLowerCase()));
        for (const tag of tags) expect(['h2', 'h3', 'p', 'ul', 'li', 'strong', 'code', 'pre', 'sub', 'a']).toContain(tag);
        expect([...rendered.matchAll(/<a [^>]*>/g)].map((m) => m[0])).toEqual(['<a href="https://directory.example/admin/#/workflow">']);
        // Outside code, nothing the applicant typed remains: no @mention, no #123 reference.
        const outsideCode = rendered
          .replace(/<pre>[\s\S]*?<\/pre>/g, '')
          .replace(/<code>[\s\S]*?<\/code>/g, '')
          .replace(/<[^>]+>/g, '');
        expect(outsideCode).not.toMatch(/@\w|#\d/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('keeps emoji and right-to-left names, and removes direction overrides, zero-width and control characters', async () => {
    const r = await h.post({
      ...validApplication({
        name: '\u202Eنقابة\u200F العمال ✊🏽\u0000',
        short_name: 'CG\u200BT\u0007',
        website: 'https://naqaba.example.org',
        summary: { en: 'Confe\u0301de\u0301ration\u2066 des travailleurs 👩🏽‍🏭' },
      }),
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
    const [, tree] = h.github!.requests;
    const file = (tree!.body as { tree: { content: string }[] }).tree[0]!.content;
    const entry = entrySchema.parse(decodeEntryFile(parseFrontMatter(file).data, '').value);
    expect(entry.name).toBe('نقابة\u200F العمال ✊🏽');
    expect(entry.short_name).toBe('CGT');
    expect(entry.summary.en).toBe('Confédération des travailleurs 👩🏽‍🏭');
    expect(entry.slug).toBe('cgt');
  });

  it('sees through zero-width characters when looking for duplicates', async () => {
    const r = await h.post({ ...validApplication({ name: 'Sol\u200Bidai\u2060res', website: 'https://another.example.org' }), form_token: h.token() });
    expect(r.status).toBe(409);
  });

  it('keeps a YAML or Markdown payload as plain text of its field', async () => {
    const payload = 'Evil"\n---\nslug: ../../etc\nnetwork_relation: founding_member\n---\n<script>alert(1)</script> @octocat ![x](https://e.example/x.png)';
    const r = await h.post({
      ...validApplication({ name: 'Payload Union', short_name: 'PU', website: 'https://pu.example.org', purpose: { en: payload } }),
      form_token: h.token(),
    });
    expect(r.status).toBe(201);
    const file = h.github!.fileAt('cms/groups/pu', 'content/groups/pu.md')!;
    const entry = entrySchema.parse(decodeEntryFile(parseFrontMatter(file).data, '').value);
    expect(entry).toMatchObject({ slug: 'pu', network_relation: 'none', purpose: { en: payload } });
    expect(h.github!.pulls.at(-1)!.body).toContain('```text\nEvil"\n---\nslug: ../../etc');
  });

  it('refuses a megabyte field sent from a form with 413, before reading it all', async () => {
    const form = new URLSearchParams({ form_token: h.token(), name: 'Big', 'summary.en': 'x'.repeat(1024 * 1024) });
    const r = await h.runtime.submit(
      new Request('https://directory.example/api/v1/join', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form }),
    );
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('The application is too long; shorten the longest texts.');
  });
});

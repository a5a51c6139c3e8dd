/**
 * The /join page: a fresh signed token in every page, English and French, every field of the join
 * request labelled and carrying the rules the schema states, choices from the schema's enums and
 * the directory's taxonomies, and headers that keep it private and script-safe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { verifyFormToken } from '../../src/join/intake/form-token.ts';
import { SECTIONS } from '../../src/join/pages/render-join-page.ts';
import { joinContactSchema, joinGroupSchema, joinRequestSchema } from '../../src/schema/join.ts';
import { joinFixtureArtefact } from '../support/join-fixtures.ts';
import { FORM_SECRET, joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness();
});
afterAll(async () => h?.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const r = await h.runtime.page(new Request(`https://directory.example${path}`, { headers }));
  return { status: r.status, headers: r.headers, text: await r.text() };
};
const rules = z.toJSONSchema(joinRequestSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, any>; required: string[] };

describe('the join page', () => {
  it('carries a fresh, valid form token and is never cached', async () => {
    const a = await page('/join');
    const b = await page('/join');
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('no-store');
    const token = /name="form_token" value="([^"]+)"/.exec(a.text)![1]!;
    expect(token).not.toBe(/name="form_token" value="([^"]+)"/.exec(b.text)![1]);
    expect(verifyFormToken(token, { secret: FORM_SECRET }, new Date(h.clock().getTime() + 5_000)).ok).toBe(true);
  });

  it('allows only its own script, by nonce, and no inline code', async () => {
    const { headers, text } = await page('/join');
    const csp = headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(text).toContain(`<script nonce="${nonce}" src="/assets/join-form.js" defer></script>`);
    expect(text).not.toMatch(/<script(?![^>]*type="application\/json")[^>]*>[^<]/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(text).toContain('<link rel="stylesheet" href="/assets/site.css">');
  });

  it('speaks each of the six languages by path, query or browser, quality values honoured', async () => {
    expect((await page('/join')).text).toContain('<html lang="en">');
    expect((await page('/fr/join')).text).toContain('<html lang="fr">');
    expect((await page('/join?lang=fr')).text).toContain('<h1>Demander à figurer dans l’annuaire</h1>');
    expect((await page('/join', { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' })).text).toContain('name="lang" value="fr"');
    expect((await page('/fr/join')).text).toContain('<a href="/join" hreflang="en" lang="en">English</a>');
    for (const [path, h1] of [
      ['/es/join', 'Solicitar la inclusión en el directorio'],
      ['/pt/join', 'Pedir inclusão no diretório'],
      ['/it/join', 'Chiedi di entrare nell’annuario'],
      ['/de/join', 'Aufnahme ins Verzeichnis beantragen'],
    ]) {
      expect((await page(path!)).text).toContain(`<h1>${h1}</h1>`);
    }
    // "fr;q=0" refuses French even though it comes first; the best acceptable language wins.
    expect((await page('/join', { 'Accept-Language': 'fr;q=0, de;q=0.4, pt-BR;q=0.8' })).text).toContain('name="lang" value="pt"');
    expect((await page('/xx/join')).status).toBe(404);
  });

  it('shows every field of the join request, once, in the form’s sections', () => {
    const shown = SECTIONS.flatMap((s) => [...s.fields]).sort();
    const expected = [...Object.keys(joinGroupSchema.shape), ...Object.keys(joinContactSchema.shape).map((k) => `contact.${k}`), 'consent'].sort();
    expect(shown).toEqual(expected);
  });

  it('labels every control and takes its rules from the schema', async () => {
    const { text } = await page('/join');
    const ids = [...text.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(text, id).toContain(`<label for="${id}">`);
    const attrs = (id: string) => new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`).exec(text)![0];
    expect(attrs('f-name')).toContain(`maxlength="${rules.properties.name.maxLength}"`);
    expect(attrs('f-name')).toContain(' required');
    expect(attrs('f-short_name')).not.toContain(' required');
    expect(attrs('f-founded')).toContain(`min="${rules.properties.founded.minimum}" max="${rules.properties.founded.maximum}"`);
    expect(attrs('f-website')).toContain('type="url"');
    expect(attrs('f-contact-email')).toContain('type="email"');
    expect(attrs('f-contact-email')).toContain(' required');
    expect(attrs('f-summary-en')).toContain(`maxlength="${rules.properties.summary.properties.en.maxLength}"`);
    expect(attrs('f-consent')).toContain(' required');
    const radios = [...text.matchAll(/name="geographic_scope" value="([^"]+)"/g)].map((m) => m[1]);
    expect(radios).toEqual(rules.properties.geographic_scope.enum);
    const structures = [.../<select id="f-structure"[\s\S]*?<\/select>/.exec(text)![0].matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    expect(structures).toEqual(rules.properties.structure.enum);
    const subjects = [...text.matchAll(/name="subjects" value="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(subjects).toEqual(joinFixtureArtefact.taxonomies.subjects.map((t) => t.slug).sort());
    expect(text).toMatch(/<fieldset class="field choices-field"[^>]*><legend>Subjects <span class="optional">\(optional\)<\/span><\/legend>/);
  });

  it('hides the spam trap from people and assistive technology', async () => {
    const { text } = await page('/join');
    expect(text).toMatch(
      /<div class="visually-hidden" hidden><label for="f-homepage">Leave this field empty<\/label><input type="text" id="f-homepage" name="homepage" value="" tabindex="-1" autocomplete="off"><\/div>/,
    );
  });

  it('answers other methods with 405', async () => {
    const r = await h.runtime.page(new Request('https://directory.example/join', { method: 'POST' }));
    expect(r.status).toBe(405);
  });
});

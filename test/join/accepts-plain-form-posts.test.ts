/**
 * The join form without JavaScript: a plain HTML form post. Success is a 303 to the thank-you
 * page carrying the reference; any problem shows the form again, with messages linked to their
 * fields and every value the applicant typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../src/join/intake/form-token.ts';
import { FORM_SECRET, joinHarness, seededRandom, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
afterEach(async () => h?.close());

function formBody(token: string, overrides: [string, string][] = [], without: string[] = []): URLSearchParams {
  const pairs: [string, string][] = [
    ['form_token', token],
    ['lang', 'fr'],
    ['homepage', ''],
    ['name', 'Collectif des livreurs autonomes'],
    ['short_name', 'CLAP'],
    ['alternate_names', 'Autonomous Couriers Collective\r\nCollectif des livreurs'],
    ['website', 'https://clap.example.org'],
    ['email', ''],
    ['social', ''],
    ['geographic_scope', 'local'],
    ['countries', 'FR'],
    ['countries', 'BE'],
    ['city', 'Paris'],
    ['structure', 'collective'],
    ['languages', 'fr'],
    ['founded', '2017'],
    ['summary.fr', 'Collectif de coursiers à vélo.'],
    ['summary.en', ''],
    ['purpose.fr', 'Nous nous organisons.\r\n\r\nContre les plateformes.'],
    ['subjects', 'labour-rights'],
    ['subjects', 'migrants-rights'],
    ['sectors', 'transport'],
    ['contact.name', 'Jérôme Martin'],
    ['contact.email', 'jerome@example.net'],
    ['contact.role', 'Porte-parole'],
    ['contact.message', 'Écrivez-moi plutôt le soir.'],
    ['consent', 'true'],
  ];
  const replaced = new Map(overrides);
  const body = new URLSearchParams();
  for (const [k, v] of pairs) if (!without.includes(k) && !replaced.has(k)) body.append(k, v);
  for (const [k, v] of overrides) body.append(k, v);
  return body;
}

const postForm = async (body: URLSearchParams) => {
  const r = await h.runtime.submit(
    new Request('https://directory.example/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html,application/xhtml+xml' },
      body,
    }),
  );
  return { status: r.status, headers: r.headers, text: await r.text() };
};

describe('a plain form post', () => {
  it('redirects to the thank-you page in the form’s language, and opens the pull request', async () => {
    h = await joinHarness();
    const r = await postForm(formBody(h.token()));
    expect(r.status).toBe(303);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^\/fr\/join\/thanks\?reference=[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const file = h.github!.fileAt('cms/groups/clap', 'content/groups/clap.md')!;
    expect(file).toContain('  alternate_names:\n    - Autonomous Couriers Collective\n    - Collectif des livreurs\n');
    expect(file).toContain('  countries:\n    - FR\n    - BE\n');
    expect(file).toContain('  founded: 2017\n');
    expect(file).toContain('  body: |-\n    Nous nous organisons.\n\n    Contre les plateformes.\n');
    const page = await h.runtime.page(new Request(`https://directory.example${location}`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Votre référence');
  });

  it('takes optional texts left blank in every language as not given', async () => {
    h = await joinHarness();
    const r = await postForm(
      formBody(h.token(), [
        ['purpose.fr', ''],
        ['purpose.en', ''],
        ['contact.role', ''],
        ['contact.message', ''],
      ]),
    );
    expect(r.status).toBe(303);
    expect(h.github!.fileAt('cms/groups/clap', 'content/groups/clap.md')).not.toContain('body:');
  });

  it('shows the form again with linked errors and everything typed, keeping the token', async () => {
    h = await joinHarness();
    const token = h.token();
    const r = await postForm(
      formBody(
        token,
        [
          ['website', 'clap point org'],
          ['founded', '17'],
        ],
        ['consent'],
      ),
    );
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const t = r.text;
    expect(t).toContain('<title>Erreur : Demander à figurer dans l’annuaire');
    expect(t).toMatch(/<div id="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">/);
    expect(t).toContain('<li><a href="#f-website">Site web: doit être une adresse web commençant par http:// ou https://</a></li>');
    expect(t).toContain('<li><a href="#f-founded">Année de fondation: doit être 1800 ou après</a></li>');
    expect(t).toContain('<a href="#f-consent">');
    expect(t).toContain('id="f-website-error"');
    expect(t).toMatch(
      /<input type="url" id="f-website" name="website" value="clap point org"[^>]*aria-describedby="f-website-hint f-website-error" aria-invalid="true"/,
    );
    // Everything typed is there again, private fields included (they go back only to their author).
    expect(t).toContain(`name="form_token" value="${token}"`);
    expect(t).toContain('value="Collectif des livreurs autonomes"');
    expect(t).toContain('>Autonomous Couriers Collective\nCollectif des livreurs</textarea>');
    expect(t).toContain('<option value="BE" selected>');
    expect(t).toContain('<option value="FR" selected>');
    expect(t).toContain('value="migrants-rights" checked');
    expect(t).toContain('value="local" checked');
    expect(t).toContain('<option value="collective" selected>');
    expect(t).toContain('>Nous nous organisons.\n\nContre les plateformes.</textarea>');
    expect(t).toContain('value="jerome@example.net"');
    expect(t).toContain('>Écrivez-moi plutôt le soir.</textarea>');
    expect(h.github!.requests).toEqual([]);
  });

  it('renews an expired token in the page it shows again', async () => {
    h = await joinHarness();
    const old = issueFormToken(FORM_SECRET, new Date(h.clock().getTime() - 2 * 24 * 3600_000), seededRandom(5));
    const r = await postForm(formBody(old));
    expect(r.status).toBe(400);
    expect(r.text).toContain('le formulaire avait expiré ; il a été renouvelé');
    expect(r.text).not.toContain(`value="${old}"`);
    const renewed = /name="form_token" value="([^"]+)"/.exec(r.text)![1]!;
    h.clock.advance(10_000);
    expect((await postForm(formBody(renewed))).status).toBe(303);
  });

  it('shows a duplicate and the box to confirm a different group, then accepts the confirmation', async () => {
    h = await joinHarness();
    const token = h.token();
    const r = await postForm(formBody(token, [['website', 'https://www.solidaires.org/clap']]));
    expect(r.status).toBe(409);
    expect(r.text).toContain('<h2 id="duplicate-title">Ce groupe figure peut-être déjà dans l’annuaire</h2>');
    expect(r.text).toContain('<a href="/fr/groups/solidaires/">la fiche « Union syndicale Solidaires » de l’annuaire</a>');
    // In Italian, the link goes to the Italian page of the entry.
    const italian = await postForm(
      formBody(h.token(), [
        ['website', 'https://www.solidaires.org/clap'],
        ['lang', 'it'],
      ]),
    );
    expect(italian.status).toBe(409);
    expect(italian.text).toContain('<a href="/it/groups/solidaires/">la scheda «Union syndicale Solidaires» dell’annuario</a>');
    expect(r.text).toContain(
      '<div id="confirm-distinct" class="field checkbox"><input type="checkbox" id="f-confirm_distinct" name="confirm_distinct" value="true">',
    );
    const confirmed = await postForm(
      formBody(token, [
        ['website', 'https://www.solidaires.org/clap'],
        ['confirm_distinct', 'true'],
      ]),
    );
    expect(confirmed.status).toBe(303);
    expect(h.github!.pulls[0]!.labels).toContain('possible-duplicate');
  });

  it('answers the enhanced form (Accept: application/json) in JSON, with messages in its language', async () => {
    h = await joinHarness();
    const r = await h.runtime.submit(
      new Request('https://directory.example/api/v1/join', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: formBody(h.token(), [['contact.email', 'pas une adresse']]),
      }),
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: {
        code: 'invalid_body',
        message: 'La demande comporte des erreurs ; rien n’a été envoyé.',
        fields: { 'contact.email': 'doit être une adresse e-mail' },
      },
    });
  });

  it('keeps everything typed when the service fails, and says nothing was saved', async () => {
    h = await joinHarness();
    await h.blobs.stop();
    const r = await postForm(formBody(h.token()));
    expect(r.status).toBe(503);
    expect(r.text).toContain('Rien n’a été enregistré : réessayez dans quelques minutes.');
    expect(r.text).toContain('value="Collectif des livreurs autonomes"');
    h.blobs.stop = async () => undefined;
  });
});

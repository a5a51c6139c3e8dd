/**
 * A hostile page can hold a hidden form that posts to /api/v1/join (a form post needs no CORS
 * permission). Before the fix it was taken in (303). Browsers say where a post comes from; a
 * cross-site one is refused before its body is read. The site's own form (with or without
 * JavaScript) and API clients outside a browser, which send no Origin, keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validApplication } from '../support/join-fixtures.ts';
import { joinHarness, type JoinHarness } from '../support/join-harness.ts';

let h: JoinHarness;
beforeAll(async () => {
  h = await joinHarness();
});
afterAll(async () => h?.close());

const formBody = (token: string) =>
  new URLSearchParams([
    ['name', 'Sindicato de Trabajadoras del Hogar'],
    ['summary.en', 'Domestic workers organising.'],
    ['contact.name', 'Ana'],
    ['contact.email', 'ana@example.net'],
    ['consent', 'on'],
    ['form_token', token],
  ]).toString();

const formPost = (token: string, headers: Record<string, string>) =>
  h.runtime.submit(
    new Request('https://directory.example/api/v1/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...headers },
      body: formBody(token),
    }),
  );

describe('cross-site posts', () => {
  it('refuses a form posted from another site, storing nothing', async () => {
    for (const headers of <Record<string, string>[]>[
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
      { Origin: 'https://sub.directory.example', 'Sec-Fetch-Site': 'same-site' },
    ]) {
      const r = await formPost(h.token(), headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await r.text()).toContain('Applications are accepted only from this site’s own form.');
    }
    const json = await h.post({ ...validApplication(), form_token: h.token() }, { headers: { Origin: 'https://evil.example', 'Accept-Language': 'fr' } });
    expect(json.status).toBe(403);
    expect(json.body.error).toEqual({
      code: 'forbidden',
      message: 'Les demandes ne sont acceptées que depuis le formulaire de ce site. Remplissez le formulaire de cette page.',
    });
    expect(h.github!.requests).toEqual([]);
  });

  it('takes the site’s own form in, and API clients that send no Origin', async () => {
    const own = await formPost(h.token(), { Origin: 'https://directory.example', 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(303);
    const api = await h.post({
      ...validApplication({ name: 'Red de Cuidadoras', short_name: 'RDC', website: 'https://rdc.example.org' }),
      form_token: h.token(),
    });
    expect(api.status).toBe(201);
  });
});

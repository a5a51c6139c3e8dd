/**
 * Every surface sends security headers: the static files by netlify.toml's `[[headers]]` (read
 * here with Netlify's own parser, and served by `netlify dev` under `npm start`, see
 * test/cms/start-serves-and-stops.test.ts), every function answer by src/http/security-headers.ts.
 * Before the fix only the join pages had a policy. Whether Decap CMS and the pages work under
 * their policies is shown in Chromium by the browser tests, which fail on any violation.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { describe, expect, it } from 'vitest';
import { createGroupEndpoint, createGroupsEndpoint, createTaxonomiesEndpoint } from '../../src/api/read-endpoints.ts';
import { createCsvEndpoint, createFeedEndpoint } from '../../src/export/endpoints.ts';
import { PAGE_CSP } from '../../src/http/security-headers.ts';
import { createListingEndpoint } from '../../src/site/listing-endpoint.ts';
import { fixtureDirectory } from '../support/fixture-directory.ts';
import { joinHarness } from '../support/join-harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What Netlify sends for `path`: every matching rule, a later one replacing an earlier one's header. */
async function staticHeaders(): Promise<(path: string) => Record<string, string>> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: join(ROOT, 'netlify.toml'),
    configHeaders: undefined,
    minimal: false,
  });
  expect(errors).toEqual([]);
  return (path) => Object.assign({}, ...(headers as Header[]).filter((h) => h.forRegExp.test(path)).map((h) => h.values));
}

function expectProtected(headers: Record<string, string | null>, where: string) {
  const csp = headers['Content-Security-Policy'] ?? '';
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toMatch(/default-src 'none'/);
  // Only Decap CMS needs eval (ajv compiles its config schema), measured in Chromium.
  if (!where.startsWith('/admin')) expect(csp, where).not.toContain("'unsafe-eval'");
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['X-Content-Type-Options'], where).toBe('nosniff');
  expect(headers['Referrer-Policy'], where).toMatch(/^(same-origin|strict-origin-when-cross-origin|no-referrer)$/);
  expect(headers['Permissions-Policy'], where).toContain('camera=()');
}

const fromResponse = (r: Response) =>
  Object.fromEntries(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'].map((n) => [n, r.headers.get(n)]));

describe('security headers', () => {
  it('are declared in netlify.toml for every static route, /admin included', async () => {
    const at = await staticHeaders();
    for (const path of [
      '/',
      '/fr/',
      '/groups/cgt-spain/',
      '/fr/groups/cgt-spain/',
      '/404.html',
      '/widget-example.html',
      '/widget.js',
      '/assets/site.css',
      '/admin',
      '/admin/',
      '/admin/cms.js',
    ]) {
      expectProtected(at(path), path);
    }
    // The pages allow no script but their own files, and no inline style; the CMS no eval.
    expect(at('/')['Content-Security-Policy']).toBe(PAGE_CSP);
    expect(at('/admin/')['Content-Security-Policy']).toContain("script-src 'self' 'unsafe-eval';");
  });

  it('are sent with every function answer, pages and data, successes and errors', async () => {
    const dir = fixtureDirectory();
    const answers: [string, Response][] = [
      ['groups', await createGroupsEndpoint(dir)(new Request('https://d.example/api/v1/groups'))],
      ['groups 400', await createGroupsEndpoint(dir)(new Request('https://d.example/api/v1/groups?page=x'))],
      ['group 404', await createGroupEndpoint(dir)(new Request('https://d.example/api/v1/groups/none'))],
      ['taxonomies', await createTaxonomiesEndpoint(dir)(new Request('https://d.example/api/v1/taxonomies'))],
      ['csv', await createCsvEndpoint(dir)(new Request('https://d.example/api/v1/groups.csv'))],
      ['atom', await createFeedEndpoint(dir)(new Request('https://d.example/api/v1/groups.atom'))],
      ['listing', await createListingEndpoint(dir)(new Request('https://d.example/groups?country=FR'))],
      ['listing 400', await createListingEndpoint(dir)(new Request('https://d.example/groups?page=0'))],
      ['method 405', await createGroupsEndpoint(dir)(new Request('https://d.example/api/v1/groups', { method: 'DELETE' }))],
    ];
    const h = await joinHarness();
    try {
      answers.push(['join page', await h.runtime.page(new Request('https://directory.example/join'))]);
      answers.push(['join status 404', await h.runtime.status(new Request('https://directory.example/api/v1/join/0000-0000-0000-0000'))]);
      answers.push(['join 415', await h.runtime.submit(new Request('https://directory.example/api/v1/join', { method: 'POST', body: 'x' }))]);
    } finally {
      await h.close();
    }
    for (const [name, response] of answers) expectProtected(fromResponse(response), name);
    const listing = answers.find(([name]) => name === 'listing')![1];
    expect(listing.headers.get('content-security-policy')).toBe(PAGE_CSP);
  });
});

/**
 * The config passes Decap CMS's own validator (the JSON Schema + AJV check Decap runs when /admin
 * loads), for every way it is built: with a GitHub repository, without one (local only), and with
 * the settings a Netlify build derives from its environment. "So a broken config fails here
 * instead of in the browser" (Decap's dev-test/__tests__/config.spec.js).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { backendSettingsFromEnv } from '../../src/cms/backend-settings.ts';
import { buildCmsConfig } from '../../src/cms/cms-config.ts';
import { loadDecapValidator, type DecapValidator } from '../support/decap-validator.ts';

let decap: DecapValidator;
beforeAll(async () => {
  decap = await loadDecapValidator();
});

describe("Decap's config validation", () => {
  it('registers the widgets decap-cms-app ships, with their option schemas', () => {
    expect(decap.widgetNames).toEqual(expect.arrayContaining(['string', 'text', 'markdown', 'select', 'relation', 'list', 'object', 'number', 'datetime']));
  });

  it.each([
    ['production on Netlify', { NETLIFY: 'true', GITHUB_REPOSITORY: 'example/solidarity-directory', URL: 'https://directory.example.org' }],
    ['Netlify with only REPOSITORY_URL', { NETLIFY: 'true', REPOSITORY_URL: 'https://github.com/example/solidarity-directory' }],
    ['a local build without a repository', {}],
    ['the npm start stack on another port', { DECAP_SERVER_PORT: '18081', GITHUB_BASE_BRANCH: 'trunk' }],
  ])('accepts the config for %s', (_, env) => {
    const config = buildCmsConfig({ backend: backendSettingsFromEnv(env) });
    expect(() => decap.validateConfig(config)).not.toThrow();
  });

  it('rejects a config Decap could not load, naming the field', () => {
    const config = buildCmsConfig({ backend: { branch: 'main' } });
    const broken = structuredClone(config) as unknown as { collections: { fields: Record<string, unknown>[] }[] };
    const relation = broken.collections[0]!.fields.find((f) => f.widget === 'relation')!;
    delete relation.value_field;
    broken.collections[0]!.fields.find((f) => f.widget === 'select')!.options = 'France';
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // Decap also logs what it throws
    expect(() => decap.validateConfig(broken)).toThrow(/collections\[0\]\.fields\[\d+\].*(value_field|options)/s);
  });
});

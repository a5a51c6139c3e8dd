/**
 * Where the CMS commits comes from the deploy's environment, and a production build without a
 * repository fails with the name of the missing setting.
 */
import { describe, expect, it } from 'vitest';
import { backendSettingsFromEnv } from '../../src/cms/backend-settings.ts';
import { repositoryFromUrl as repoFromUrl } from '../../src/schema/settings.ts';
import { buildCmsConfig } from '../../src/cms/cms-config.ts';

describe('CMS backend settings', () => {
  it('uses the GitHub repository and branch from the environment, with the editorial workflow', () => {
    const config = buildCmsConfig({ backend: backendSettingsFromEnv({ GITHUB_REPOSITORY: 'lis/directory', GITHUB_BASE_BRANCH: 'production' }) });
    expect(config.backend).toEqual({ name: 'github', repo: 'lis/directory', branch: 'production' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.load_config_file).toBe(false);
  });

  it('defaults to the main branch and the local decap-server on port 8081', () => {
    const settings = backendSettingsFromEnv({});
    expect(settings).toEqual({ branch: 'main', localBackendUrl: 'http://127.0.0.1:8081/api/v1' });
    expect(buildCmsConfig({ backend: settings }).local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
  });

  it("falls back to Netlify's REPOSITORY_URL", () => {
    expect(repoFromUrl('https://github.com/lis/directory')).toBe('lis/directory');
    expect(repoFromUrl('git@github.com:lis/directory.git')).toBe('lis/directory');
    expect(repoFromUrl('https://gitlab.com/lis/directory')).toBeUndefined();
    expect(backendSettingsFromEnv({ NETLIFY: 'true', REPOSITORY_URL: 'https://github.com/lis/directory' }).repo).toBe('lis/directory');
  });

  it('fails a Netlify build without a repository, naming GITHUB_REPOSITORY', () => {
    expect(() => backendSettingsFromEnv({ NETLIFY: 'true' })).toThrow(/GITHUB_REPOSITORY is not set/);
  });

  it('refuses malformed settings with their names', () => {
    expect(() => backendSettingsFromEnv({ GITHUB_REPOSITORY: 'https://github.com/lis/directory' })).toThrow(/GITHUB_REPOSITORY must be "owner\/name"/);
    expect(() => backendSettingsFromEnv({ GITHUB_BASE_BRANCH: 'a..b' })).toThrow(/GITHUB_BASE_BRANCH/);
    expect(() => backendSettingsFromEnv({ DECAP_SERVER_PORT: 'eighty' })).toThrow(/DECAP_SERVER_PORT/);
  });
});

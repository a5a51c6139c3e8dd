/**
 * Where the CMS commits, read from the environment at build time (scripts/build-admin.ts) and
 * validated there, so a misconfigured deploy fails its build with the name of the missing
 * setting instead of showing editors a broken login. The variables and their rules are the
 * settings schema's (src/schema/settings.ts), shared with the join: the CMS commits to the same
 * repository and branch that applicants' pull requests target.
 */
import { readSettings, repositoryFromUrl, siteAddress } from '../schema/settings.ts';
import type { CmsBackendSettings } from './cms-config.ts';

export class CmsSettingsError extends Error {}

export function backendSettingsFromEnv(env: Record<string, string | undefined>): CmsBackendSettings {
  const { settings, problems } = readSettings(env);
  const relevant = problems.filter((p) => /^(GITHUB_REPOSITORY|GITHUB_BASE_BRANCH|DECAP_SERVER_PORT|SITE_URL|URL)\b/.test(p));
  if (relevant.length > 0) throw new CmsSettingsError(relevant.join('; '));
  // GITHUB_REPOSITORY wins; on Netlify, REPOSITORY_URL (set by Netlify for the linked repository) is the fallback.
  const repo = settings.GITHUB_REPOSITORY ?? repositoryFromUrl(settings.REPOSITORY_URL);
  if (repo === undefined && env.NETLIFY === 'true') {
    throw new CmsSettingsError(
      'GITHUB_REPOSITORY is not set: /admin needs the "owner/name" of the GitHub repository editors commit to (see docs/deploying-cms.md)',
    );
  }
  const site = siteAddress(settings);
  return {
    ...(repo ? { repo } : {}),
    branch: settings.GITHUB_BASE_BRANCH,
    // Decap only uses this when /admin is opened on localhost or 127.0.0.1 (its `allowed_hosts`).
    localBackendUrl: `http://127.0.0.1:${settings.DECAP_SERVER_PORT}/api/v1`,
    ...(site.source !== 'default' ? { siteUrl: site.url } : {}),
  };
}

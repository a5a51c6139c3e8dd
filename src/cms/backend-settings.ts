/**
 * Where the CMS commits, read from the environment at build time (scripts/build-admin.ts) and
 * validated there, so a misconfigured deploy fails its build with the name of the missing
 * setting instead of showing editors a broken login. The variables are the ones netlify.toml
 * documents for the join endpoint: the CMS commits to the same repository and branch that
 * applicants' pull requests target.
 */
import type { CmsBackendSettings } from './cms-config.ts';

export class CmsSettingsError extends Error {}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._\/-]+$/;

/** `https://github.com/owner/name(.git)` or `git@github.com:owner/name(.git)` → `owner/name`. */
export function repoFromUrl(url: string | undefined): string | undefined {
  const match = url ? /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) : null;
  return match?.[1];
}

export const DEFAULT_DECAP_SERVER_PORT = 8081;

export function backendSettingsFromEnv(env: Record<string, string | undefined>): CmsBackendSettings {
  // GITHUB_REPOSITORY wins; on Netlify, REPOSITORY_URL (set by Netlify for the linked repository) is the fallback.
  const repo = env.GITHUB_REPOSITORY?.trim() || repoFromUrl(env.REPOSITORY_URL);
  if (repo !== undefined && !REPO.test(repo)) {
    throw new CmsSettingsError(`GITHUB_REPOSITORY must be "owner/name" of the GitHub repository, got "${repo}"`);
  }
  if (repo === undefined && env.NETLIFY === 'true') {
    throw new CmsSettingsError(
      'GITHUB_REPOSITORY is not set: /admin needs the "owner/name" of the GitHub repository editors commit to (see docs/deploying-cms.md)',
    );
  }
  const branch = env.GITHUB_BASE_BRANCH?.trim() || 'main';
  if (!BRANCH.test(branch)) throw new CmsSettingsError(`GITHUB_BASE_BRANCH is not a branch name: "${branch}"`);
  const port = env.DECAP_SERVER_PORT?.trim() || String(DEFAULT_DECAP_SERVER_PORT);
  if (!/^\d{2,5}$/.test(port) || Number(port) > 65535) throw new CmsSettingsError(`DECAP_SERVER_PORT must be a port number, got "${port}"`);
  const siteUrl = env.SITE_URL?.trim() || env.URL?.trim() || undefined;
  return {
    ...(repo ? { repo } : {}),
    branch,
    // Decap only uses this when /admin is opened on localhost or 127.0.0.1 (its `allowed_hosts`).
    localBackendUrl: `http://127.0.0.1:${port}/api/v1`,
    ...(siteUrl ? { siteUrl } : {}),
  };
}
